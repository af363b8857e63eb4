package uz.aqlli.datalake;

import org.junit.jupiter.api.Test;
import uz.aqlli.datalake.chain.ChainCanonical;
import uz.aqlli.datalake.chain.EventChain;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The canonical form against RFC 8785's own examples, and its one documented departure (numbers a double does not hold). */
class ChainCanonicalTest {

    @Test
    void membersAreSortedByUtf16CodeUnitsAsRfc8785Sorts() {
        // RFC 8785 3.2.3's sorting example.
        String sorted = ChainCanonical.json("{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}");
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", sorted);
    }

    @Test
    void numbersAreWrittenAsEcmaScriptWritesThemAndThoseADoubleDoesNotHoldExactly() {
        // RFC 8785 3.2.2.3 and appendix B, but for numbers a double does not hold: 333333333.33333329 is
        // 333333333.3333333 there, and 1E30 is 1e+30.
        assertEquals("[333333333.33333329,333333333.3333333,4.5,0.002,1e-27,1e-7,0.000001,-1.5,0,10,3000000,1000000000000000000000000000000,123.456789]",
                ChainCanonical.json("[333333333.33333329, 333333333.3333333, 4.50, 2e-3, 0.000000000000000000000000001, 1e-7, 0.000001, -1.50, -0, 1e1, "
                        + "3000000.00, 1E30, 123.4567890]"));
        assertEquals("[123456789012345678901234567890]", ChainCanonical.json("[123456789012345678901234567890]"));
        assertEquals("[9007199254740993]", ChainCanonical.json("[9007199254740993]"), "an integer beyond 2^53 is kept exactly");
    }

    @Test
    void aBigAmountOrALongDecimalKeepsEveryDigit() {
        // A double holds neither: it would print 12345678901234568 and 0.1, and the edited last digit would not count.
        assertEquals("{\"amount\":12345678901234567.89}", ChainCanonical.json("{\"amount\": 12345678901234567.89}"));
        assertEquals("{\"amount\":12345678901234567.89}", ChainCanonical.json("{\"amount\": 1234567890123456789e-2}"), "by value, not by spelling");
        assertEquals("{\"amount\":12345678901234567.89}", ChainCanonical.json("{\"amount\": 12345678901234567.8900}"));
        assertEquals("[-12345678901234567.89]", ChainCanonical.json("[-12345678901234567.89]"));
        assertEquals("[0.1000000000000000055511151231257827]", ChainCanonical.json("[0.1000000000000000055511151231257827]"));
        assertEquals("[0.1]", ChainCanonical.json("[0.10]"));
        assertEquals("[9007199254740993,9007199254740992]", ChainCanonical.json("[9007199254740993, 9007199254740992.0]"));
        for (String[] pair : new String[][]{{"12345678901234567.89", "12345678901234567.88"}, {"9007199254740993", "9007199254740992"},
                {"0.30000000000000001", "0.3"}}) {
            assertFalse(ChainCanonical.json("[" + pair[0] + "]").equals(ChainCanonical.json("[" + pair[1] + "]")),
                    pair[0] + " and " + pair[1] + " are different amounts");
        }
        // Exact, but not without bound: no jsonb holds these, and written out the first would be a gigabyte.
        assertThrows(IllegalArgumentException.class, () -> ChainCanonical.json("[1e-999999999]"));
        assertThrows(IllegalArgumentException.class, () -> ChainCanonical.json("[1e999999999]"));
    }

    @Test
    void stringsAndLiteralsTakeJcssMinimalEscapes() {
        assertEquals("{\"a\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u001f/\u00e9\u20ac\",\"b\":[true,false,null],\"c\":{}}",
                ChainCanonical.json("{ \"c\" : { }, \"b\": [true, false, null], \"a\": \"\\\"\\\\\\b\\f\\n\\r\\t\\u001F\\/\\u00e9\u20ac\" }"));
    }

    @Test
    void anEventsBytesCoverItsEnvelopeAndPayloadAndNotHowTheyWereSpelled() {
        OffsetDateTime time = OffsetDateTime.of(2026, 12, 1, 23, 30, 0, 123456789, ZoneOffset.ofHours(5));
        byte[] one = ChainCanonical.event("e1", "OrganizationRegistered", "/aqlli/catalog", "o1", time, "aqlli.catalog.organizations",
                "{\"b\": 1.0, \"a\": \"x\"}");
        byte[] same = ChainCanonical.event("e1", "OrganizationRegistered", "/aqlli/catalog", "o1", time.withOffsetSameInstant(ZoneOffset.UTC),
                "aqlli.catalog.organizations", "{\"a\":\"x\",\"b\":1}");
        assertEquals("{\"data\":{\"a\":\"x\",\"b\":1},\"id\":\"e1\",\"source\":\"/aqlli/catalog\",\"subject\":\"o1\","
                + "\"time\":\"2026-12-01T18:30:00.123456Z\",\"topic\":\"aqlli.catalog.organizations\",\"type\":\"OrganizationRegistered\"}",
                new String(one, StandardCharsets.UTF_8));
        assertArrayEquals(one, same);
        byte[] other = ChainCanonical.event("e1", "OrganizationRegistered", "/aqlli/catalog", "o1", time, "aqlli.catalog.organizations",
                "{\"a\":\"x\",\"b\":2}");
        assertFalse(java.util.Arrays.equals(EventChain.next(new byte[32], one), EventChain.next(new byte[32], other)));
    }
}
