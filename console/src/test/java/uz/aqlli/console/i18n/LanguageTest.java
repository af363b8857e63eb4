package uz.aqlli.console.i18n;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @Test
    void theBrowsersFirstLanguageTheConsoleSpeaksWins() {
        assertEquals(Language.RU, Language.fromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5"));
        assertEquals(Language.UZ_LATN, Language.fromAcceptLanguage("uz-UZ,uz;q=0.9,ru;q=0.8"));
        assertEquals(Language.UZ_CYRL, Language.fromAcceptLanguage("uz-Cyrl-UZ,ru;q=0.5"));
        assertEquals(Language.RU, Language.fromAcceptLanguage("en;q=0.3,ru;q=0.7"));
    }

    @Test
    void noneOrAnUnknownOneGivesUzbekInLatinScript() {
        assertEquals(Language.UZ_LATN, Language.fromAcceptLanguage(null));
        assertEquals(Language.UZ_LATN, Language.fromAcceptLanguage(""));
        assertEquals(Language.UZ_LATN, Language.fromAcceptLanguage("fr-FR"));
        assertEquals(Language.UZ_LATN, Language.fromAcceptLanguage("not a header;;;"));
    }

    @Test
    void textsKeptByLanguageFallBackToTheNearestOne() {
        Map<String, String> title = Map.of("uz-Latn", "1C:ERP joriy etish", "ru", "Внедрение 1C:ERP");
        assertEquals("1C:ERP joriy etish", Labels.load(Language.UZ_CYRL).text(title));
        assertEquals("Внедрение 1C:ERP", Labels.load(Language.EN).text(title));
        assertEquals("Внедрение 1C:ERP", Labels.load(Language.RU).text(title));
    }
}
