package uz.aqlli.console.i18n;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MoneyTest {

    private static String plain(String formatted) {
        return formatted.replace(Money.GROUP_SPACE, ' ');
    }

    @Test
    void uzbekGroupsWithSpacesAndWritesDecimalsAfterAComma() {
        assertEquals("1 234 567,89 so'm", plain(Money.format(new BigDecimal("1234567.89"), Language.UZ_LATN)));
        assertEquals("1 234 567,89 сўм", plain(Money.format(new BigDecimal("1234567.89"), Language.UZ_CYRL)));
        // The space inside the number and before the unit does not break the line.
        assertEquals("1\u00A0234\u00A0567,89\u00A0so'm", Money.format(new BigDecimal("1234567.89"), Language.UZ_LATN));
    }

    @Test
    void russianAndEnglishFollowTheirOwnRules() {
        assertEquals("1 234 567,89 сум", plain(Money.format(new BigDecimal("1234567.89"), Language.RU)));
        assertEquals("UZS 1,234,567.89", plain(Money.format(new BigDecimal("1234567.89"), Language.EN)));
    }

    @Test
    void wholeAmountsHaveNoDecimalsAndCentsKeepTheirLeadingZero() {
        assertEquals("45 000 000 so'm", plain(Money.format(new BigDecimal("45000000.00"), Language.UZ_LATN)));
        assertEquals("UZS 999", plain(Money.format(new BigDecimal("999"), Language.EN)));
        assertEquals("1 000,05 сум", plain(Money.format(new BigDecimal("1000.05"), Language.RU)));
        assertEquals("0,50 so'm", plain(Money.format(new BigDecimal("0.5"), Language.UZ_LATN)));
        assertEquals("−12 500 so'm", plain(Money.format(new BigDecimal("-12500"), Language.UZ_LATN)));
    }

    @Test
    void amountsAsTheApisSendThemAreRead() {
        Labels labels = Labels.load(Language.UZ_LATN);
        assertEquals("133 000 000 so'm", plain(labels.money(133000000.00)));
        assertEquals("2 750 000 so'm", plain(labels.money("2750000.00")));
        assertEquals("", labels.money(null));
    }
}
