package uz.aqlli.platform.runtime.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextsTest {

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreRefused() {
        assertEquals("must not contain the control character U+0000 (at 6)", Texts.refusal("Tender\u0000"));
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                assertEquals("must not contain the control character " + String.format("U+%04X", (int) c) + " (at 1)",
                        Texts.refusal("a" + c + "b"));
            }
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            assertEquals("must not contain the control character " + String.format("U+%04X", (int) c) + " (at 0)",
                    Texts.refusal(c + "text"));
        }
    }

    @Test
    void aSurrogateWithoutItsPairIsRefused() {
        assertEquals("must not contain the unpaired surrogate U+D83D (at 2)", Texts.refusal("ab\uD83D"));
        assertEquals("must not contain the unpaired surrogate U+DE9C (at 0)", Texts.refusal("\uDE9Cab"));
        assertEquals("must not contain the unpaired surrogate U+D83D (at 0)", Texts.refusal("\uD83D\uD83D\uDE9C"));
    }

    @Test
    void everyOtherTextIsAllowed() {
        assertNull(Texts.refusal(null));
        assertNull(Texts.refusal(""));
        assertNull(Texts.refusal("Buxoro To'qimachilik MChJ\tЎзбекистон\r\nНавоий \u2028\u2029 \uD83D\uDE9C ok \u00A0 \u200B"));
    }
}
