package uz.aqlli.notifications;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text exists in every language, with the same placeholders, and only the ones a notification fills. */
class MessagesTest {

    private static final Set<String> FILLED = Set.of("title", "order", "milestone", "count", "flag");

    @Test
    void everyKindHasATextInEveryLanguage() {
        for (String language : Messages.LANGUAGES) {
            Set<String> keys = Messages.keys(language);
            for (NotificationKind kind : NotificationKind.values()) {
                assertTrue(keys.contains(kind.name()), language + " has no text for " + kind);
            }
            assertTrue(keys.contains("mail.open") && keys.contains("mail.footer"), language + " lacks the mail's own texts");
        }
    }

    @Test
    void everyLanguageHasTheSameKeysAndPlaceholders() {
        Set<String> reference = Messages.keys(Messages.DEFAULT_LANGUAGE);
        for (String language : Messages.LANGUAGES) {
            assertEquals(reference, Messages.keys(language), language + " and " + Messages.DEFAULT_LANGUAGE + " differ in keys");
            for (String key : reference) {
                Set<String> expected = placeholders(Messages.DEFAULT_LANGUAGE, key);
                assertEquals(expected, placeholders(language, key),
                        language + " " + key + " names other placeholders");
            }
        }
    }

    @Test
    void aTitleIsTakenInTheReadersLanguage() {
        Map<String, Object> params = Map.of("title", Map.of("uz-Latn", "Sayt", "ru", "Сайт"));
        assertEquals("Новая заявка на услуги в вашей сфере: Сайт", Messages.text("ru", "REQUEST_PUBLISHED", params));
        assertEquals("New service request in your field: Sayt", Messages.text("en", "REQUEST_PUBLISHED", params));
        assertEquals("Sohangizda yangi xizmat so'rovi: Sayt", Messages.text("fr", "REQUEST_PUBLISHED", params));
    }

    private static Set<String> placeholders(String language, String key) {
        String raw = Messages.template(language, key);
        Matcher matcher = Pattern.compile("\\{([a-z]+)}").matcher(raw);
        Set<String> found = new HashSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        assertTrue(FILLED.containsAll(found), language + " " + key + " names " + found + "; only " + FILLED + " are filled");
        return found;
    }
}
