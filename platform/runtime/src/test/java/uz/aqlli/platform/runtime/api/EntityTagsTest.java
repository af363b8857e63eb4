package uz.aqlli.platform.runtime.api;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntityTagsTest {

    @Test
    void theTagIsTheVersionQuotedAsAStrongEntityTag() {
        assertEquals("\"0\"", EntityTags.of(0));
        assertEquals("\"42\"", EntityTags.of(42));
    }

    @Test
    void aChangeWithoutIfMatchIsPreconditionRequired() {
        for (String missing : new String[] {null, "", "  "}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> EntityTags.require(missing, 3));
            assertEquals(428, refused.status());
            assertEquals("urn:aqlli:problem:version-required", refused.type());
        }
    }

    @Test
    void theCurrentTagAnyOfAListOfTagsOrTheWildcardPass() {
        assertDoesNotThrow(() -> EntityTags.require("\"3\"", 3));
        assertDoesNotThrow(() -> EntityTags.require(" \"3\" ", 3));
        assertDoesNotThrow(() -> EntityTags.require("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> EntityTags.require("*", 3));
    }

    @Test
    void anOutdatedWeakOrUnquotedTagIsPreconditionFailed() {
        // Weak tags never match: the comparison for a change is the strong one (RFC 9110, 13.1.1).
        for (String stale : new String[] {"\"2\"", "\"4\"", "W/\"3\"", "3", "\"03\"", "\"1\", \"2\""}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> EntityTags.require(stale, 3), stale);
            assertEquals(412, refused.status(), stale);
            assertEquals("urn:aqlli:problem:stale-version", refused.type(), stale);
        }
    }
}
