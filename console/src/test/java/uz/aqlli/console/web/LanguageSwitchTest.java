package uz.aqlli.console.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageSwitchTest {

    @Test
    void theSwitchGoesBackOnlyToAPageOfThisSite() {
        assertEquals("/products?q=paxta&page=1", LanguageSwitch.localPath("/products?q=paxta&page=1").toString());
        assertEquals("/products?q=%D0%BF%D0%B0%D1%85%D1%82%D0%B0", LanguageSwitch.localPath("/products?q=%D0%BF%D0%B0%D1%85%D1%82%D0%B0").toString());
        assertEquals("/", LanguageSwitch.localPath("https://evil.example/").toString());
        assertEquals("/", LanguageSwitch.localPath("//evil.example/x").toString());
        assertEquals("/", LanguageSwitch.localPath("/\\evil.example").toString());
        assertEquals("/", LanguageSwitch.localPath("/a b").toString());
        assertEquals("/", LanguageSwitch.localPath(null).toString());
    }
}
