package uz.aqlli.console.i18n;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** The four bundles, read once at start: a missing one stops the console from starting. */
@ApplicationScoped
public class Bundles {

    private final Map<Language, Labels> labels = new EnumMap<>(Language.class);

    public Bundles() {
        for (Language language : Language.values()) {
            labels.put(language, Labels.load(language));
        }
    }

    public Labels of(Language language) {
        return labels.get(language);
    }
}
