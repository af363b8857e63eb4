package uz.aqlli.console.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's four languages, by the tag the APIs use for texts ({@code "uz-Latn"}, ...). Uzbek in
 * Latin script is the default: most users are in the regions and read Latin Uzbek.
 */
public enum Language {
    UZ_LATN("uz-Latn", "O'zbekcha"),
    UZ_CYRL("uz-Cyrl", "Ўзбекча"),
    RU("ru", "Русский"),
    EN("en", "English");

    public static final Language DEFAULT = UZ_LATN;

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    /** How the language names itself in the switch, so a reader finds theirs whatever page language they see. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The first of the browser's languages (RFC 9110 Accept-Language, by weight) that the console
     * speaks: Uzbek without a script, or with Latin, is uz-Latn; Uzbek in Cyrillic is uz-Cyrl.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            String language = tag.split("-")[0];
            switch (language) {
                case "uz" -> {
                    return tag.contains("-cyrl") ? UZ_CYRL : UZ_LATN;
                }
                case "ru" -> {
                    return RU;
                }
                case "en" -> {
                    return EN;
                }
                case "*" -> {
                    return DEFAULT;
                }
                default -> {
                }
            }
        }
        return DEFAULT;
    }
}
