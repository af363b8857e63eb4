package uz.aqlli.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The texts of notifications in each of the platform's languages, from {@code messages/<tag>.properties}
 * (UTF-8). A text names only its placeholders ({@code {title}}, {@code {order}}, {@code {milestone}}):
 * what a notification says is decided by the kind, never by free text from an event.
 */
public final class Messages {

    /** The platform's languages; the first is everyone's until they choose another. */
    public static final List<String> LANGUAGES = List.of("uz-Latn", "uz-Cyrl", "ru", "en");
    public static final String DEFAULT_LANGUAGE = LANGUAGES.getFirst();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Map<String, Properties> BUNDLES = LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Messages::load));

    private Messages() {
    }

    /** The language to use for {@code requested}: itself if the platform has it, else the default. */
    public static String language(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : DEFAULT_LANGUAGE;
    }

    /** Every key of {@code language}'s bundle. */
    public static java.util.Set<String> keys(String language) {
        return BUNDLES.get(language).stringPropertyNames();
    }

    /** {@code key}'s text in {@code language} as written, placeholders unfilled; {@code null} when it has none. */
    public static String template(String language, String key) {
        return BUNDLES.get(language(language)).getProperty(key);
    }

    /** {@code key}'s text in {@code language}, its placeholders filled from {@code params}. */
    public static String text(String language, String key, Map<String, ?> params) {
        String lang = language(language);
        String template = BUNDLES.get(lang).getProperty(key);
        if (template == null) {
            template = BUNDLES.get(DEFAULT_LANGUAGE).getProperty(key, key);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value(params.get(matcher.group(1)), lang)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A value by language (a title) is taken in {@code language}, else uz-Latn, else any. */
    private static String value(Object value, String language) {
        if (value instanceof Map<?, ?> byLanguage) {
            Object chosen = byLanguage.get(language);
            if (chosen == null) {
                chosen = byLanguage.get(DEFAULT_LANGUAGE);
            }
            if (chosen == null && !byLanguage.isEmpty()) {
                chosen = byLanguage.values().iterator().next();
            }
            return chosen == null ? "" : chosen.toString();
        }
        return value == null ? "" : value.toString();
    }

    private static Properties load(String language) {
        String path = "messages/" + language + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
