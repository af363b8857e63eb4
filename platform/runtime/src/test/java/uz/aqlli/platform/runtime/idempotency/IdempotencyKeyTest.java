package uz.aqlli.platform.runtime.idempotency;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which Idempotency-Key headers are keys, and the retention's floor. */
class IdempotencyKeyTest {

    @Test
    void aUuidAndAnyPrintableAsciiUpTo255CharactersAreKeys() {
        assertDoesNotThrow(() -> new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assertDoesNotThrow(() -> new IdempotencyKey("\"quoted\"!#$%&'()*+,./:;<=>?@[\\]^_`{|}~"));
        assertDoesNotThrow(() -> new IdempotencyKey("x"));
        assertDoesNotThrow(() -> new IdempotencyKey("k".repeat(255)));
    }

    @Test
    void anythingElseIsA400NamingTheHeader() {
        for (String bad : new String[]{"", "k".repeat(256), "two words", " leading", "tab\there", "line\nbreak",
                "nul\u0000", "del\u007f", "kalit-ключ", "é", "emoji-\uD83D\uDE9C"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> new IdempotencyKey(bad), bad);
            assertEquals(400, refused.status());
            assertEquals("Idempotency-Key", refused.errors().get(0).field());
        }
    }

    @Test
    void theRetentionIsAtLeastADay() {
        assertEquals(Duration.ofHours(24), IdempotencyConfig.checkedRetention(Duration.ofHours(24)));
        assertEquals(Duration.ofDays(7), IdempotencyConfig.checkedRetention(Duration.ofDays(7)));
        assertThrows(IllegalStateException.class, () -> IdempotencyConfig.checkedRetention(Duration.ofHours(23).plusMinutes(59)));
        assertThrows(IllegalStateException.class, () -> IdempotencyConfig.checkedRetention(Duration.ZERO));
    }

    @Test
    void eachCallersKeyHasItsOwnLock() {
        IdempotencyKey key = new IdempotencyKey("k-1");
        assertEquals(IdempotentRequests.lockOf("user-a", key), IdempotentRequests.lockOf("user-a", new IdempotencyKey("k-1")));
        assertNotEquals(IdempotentRequests.lockOf("user-a", key), IdempotentRequests.lockOf("user-b", key));
        assertNotEquals(IdempotentRequests.lockOf("user-a", key), IdempotentRequests.lockOf("user-a", new IdempotencyKey("k-2")));
    }
}
