package uz.aqlli.console.i18n;

import io.quarkus.qute.TemplateData;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every label of the console in one language, from {@code messages/console_<tag>.properties}
 * (UTF-8). The templates get it as {@code t}: {@code {t.get('nav.search')}} for a fixed label,
 * {@code {t.of('sector', p.sector)}} for a value the APIs send, {@code t.money}, {@code t.dateTime}
 * and {@code t.text} for so'm, Tashkent time and texts kept by language.
 */
@TemplateData
public final class Labels {

    public static final String BUNDLE = "messages/console_";

    private final Language language;
    private final Properties labels;

    private Labels(Language language, Properties labels) {
        this.language = language;
        this.labels = labels;
    }

    public static Labels load(Language language) {
        String resource = BUNDLE + language.tag() + ".properties";
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no message bundle " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Labels(language, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Language language() {
        return language;
    }

    public String lang() {
        return language.tag();
    }

    public Set<String> keys() {
        return new TreeSet<>(labels.stringPropertyNames());
    }

    /** A fixed label; a key no bundle has is a mistake in a template, not something to show. */
    public String get(String key) {
        String label = labels.getProperty(key);
        if (label == null) {
            throw new IllegalArgumentException("no label " + key + " in " + language.tag());
        }
        return label;
    }

    /**
     * The label of a value the APIs send (a sector, a region code, a status): {@code prefix.value}.
     * A value this build has no label for yet is shown as it came rather than breaking the page.
     */
    public String of(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        return labels.getProperty(prefix + "." + value, String.valueOf(value));
    }

    /** A label with {@code {0}}, {@code {1}} ... filled in. */
    public String format(String key, Object first) {
        return get(key).replace("{0}", String.valueOf(first));
    }

    public String money(Object amount) {
        BigDecimal value = decimal(amount);
        return value == null ? "" : Money.format(value, language);
    }

    public String dateTime(Object isoInstant) {
        return isoInstant == null ? "" : Dates.format(String.valueOf(isoInstant), language);
    }

    /**
     * A text the APIs keep by language ({@code {"uz-Latn": ..., "ru": ...}}) in the reader's language,
     * else in the nearest one there is: the other Uzbek script, then Russian, English, anything.
     */
    public String text(Object byLanguage) {
        if (!(byLanguage instanceof Map<?, ?> texts) || texts.isEmpty()) {
            return byLanguage == null ? "" : String.valueOf(byLanguage);
        }
        for (Language candidate : preference()) {
            Object text = texts.get(candidate.tag());
            if (text != null && !String.valueOf(text).isBlank()) {
                return String.valueOf(text);
            }
        }
        return String.valueOf(texts.values().iterator().next());
    }

    private Language[] preference() {
        return switch (language) {
            case UZ_LATN -> new Language[] {Language.UZ_LATN, Language.UZ_CYRL, Language.RU, Language.EN};
            case UZ_CYRL -> new Language[] {Language.UZ_CYRL, Language.UZ_LATN, Language.RU, Language.EN};
            case RU -> new Language[] {Language.RU, Language.UZ_CYRL, Language.UZ_LATN, Language.EN};
            case EN -> new Language[] {Language.EN, Language.RU, Language.UZ_LATN, Language.UZ_CYRL};
        };
    }

    private static BigDecimal decimal(Object amount) {
        if (amount == null) {
            return null;
        }
        if (amount instanceof BigDecimal decimal) {
            return decimal;
        }
        try {
            return new BigDecimal(String.valueOf(amount));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
