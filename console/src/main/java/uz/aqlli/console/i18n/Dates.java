package uz.aqlli.console.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Moments as people in Uzbekistan read them: on Tashkent's clock (UTC+5, no daylight saving),
 * whatever zone the server or the browser is in.
 */
public final class Dates {

    public static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

    private Dates() {
    }

    public static String format(Instant moment, Language language) {
        if (moment == null) {
            return "";
        }
        DateTimeFormatter formatter = language == Language.EN ? ENGLISH : NUMERIC;
        return formatter.format(moment.atZone(TASHKENT));
    }

    /** An ISO-8601 instant as the APIs send it; text that is none is shown as it came. */
    public static String format(String isoInstant, Language language) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "";
        }
        try {
            return format(Instant.parse(isoInstant), language);
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }
}
