package uz.aqlli.console.i18n;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatesTest {

    @Test
    void momentsAreShownOnTashkentsClock() {
        // 19:30 UTC is half past midnight the next day in Tashkent (UTC+5).
        Instant moment = Instant.parse("2026-12-01T19:30:00Z");
        assertEquals("02.12.2026 00:30", Dates.format(moment, Language.UZ_LATN));
        assertEquals("02.12.2026 00:30", Dates.format(moment, Language.RU));
        assertEquals("2 Dec 2026, 00:30", Dates.format(moment, Language.EN));
        assertEquals("02.12.2026 00:30", Labels.load(Language.UZ_CYRL).dateTime("2026-12-01T19:30:00Z"));
    }

    @Test
    void textThatIsNoInstantIsShownAsItCame() {
        assertEquals("tomorrow", Dates.format("tomorrow", Language.EN));
        assertEquals("", Dates.format((String) null, Language.EN));
    }
}
