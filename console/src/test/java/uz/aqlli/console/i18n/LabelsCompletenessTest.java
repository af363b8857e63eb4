package uz.aqlli.console.i18n;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.events.ZoneType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every label in all four languages, and every label a template asks for in the bundles. */
class LabelsCompletenessTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyKeyOfAnyBundleIsTranslatedInAllFour() {
        Set<String> all = new TreeSet<>();
        for (Language language : Language.values()) {
            all.addAll(Labels.load(language).keys());
        }
        List<String> missing = new ArrayList<>();
        for (Language language : Language.values()) {
            Labels labels = Labels.load(language);
            for (String key : all) {
                if (!labels.keys().contains(key) || labels.get(key).isBlank()) {
                    missing.add(language.tag() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing, "labels without a translation");
    }

    @Test
    void everyLabelATemplateNamesIsInTheBundles() throws IOException {
        Pattern fixed = Pattern.compile("t\\.(?:get|format)\\('([^']+)'");
        Set<String> keys = Labels.load(Language.DEFAULT).keys();
        List<String> unknown = new ArrayList<>();
        int found = 0;
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                Matcher matcher = fixed.matcher(Files.readString(template));
                while (matcher.find()) {
                    found++;
                    if (!keys.contains(matcher.group(1))) {
                        unknown.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertTrue(found > 50, "the templates' labels were not found (" + found + ")");
        assertEquals(List.of(), unknown, "labels the templates ask for that no bundle has");
    }

    @Test
    void everySectorZoneAndServiceCategoryOfThePlatformHasALabel() {
        Set<String> keys = Labels.load(Language.DEFAULT).keys();
        List<String> missing = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            check(keys, "sector." + sector.name(), missing);
        }
        for (ZoneType zone : ZoneType.values()) {
            check(keys, "zoneType." + zone.name(), missing);
        }
        for (ServiceCategory category : ServiceCategory.values()) {
            check(keys, "category." + category.name(), missing);
        }
        assertEquals(List.of(), missing);
    }

    private static void check(Set<String> keys, String key, List<String> missing) {
        if (!keys.contains(key)) {
            missing.add(key);
        }
    }
}
