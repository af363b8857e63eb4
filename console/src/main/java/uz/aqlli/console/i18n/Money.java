package uz.aqlli.console.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * So'm as each language writes it: digits grouped by three, and the fraction only when there is one.
 * Uzbek and Russian group with a no-break space and mark the decimals with a comma
 * ({@code 1 234 567,89 so'm}, {@code 1 234 567,89 сум}); English groups with commas and puts the
 * currency code first ({@code UZS 1,234,567.89}). Written out here rather than through
 * {@link java.text.NumberFormat}: the JDK's locale data for uz and ru differ between releases
 * (narrow or plain no-break space), and a price must not change its look with the JDK.
 */
public final class Money {

    /** Keeps the number and its unit on one line. */
    public static final char GROUP_SPACE = '\u00A0';

    private Money() {
    }

    public static String format(BigDecimal amount, Language language) {
        if (amount == null) {
            return "";
        }
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_EVEN);
        boolean negative = rounded.signum() < 0;
        BigDecimal absolute = rounded.abs();
        String whole = absolute.toBigInteger().toString();
        int cents = absolute.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        char group = language == Language.EN ? ',' : GROUP_SPACE;
        char decimal = language == Language.EN ? '.' : ',';
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                number.append(group);
            }
            number.append(whole.charAt(i));
        }
        if (cents != 0) {
            number.append(decimal).append(cents < 10 ? "0" : "").append(cents);
        }
        String sign = negative ? "−" : "";
        return switch (language) {
            case UZ_LATN -> sign + number + GROUP_SPACE + "so'm";
            case UZ_CYRL -> sign + number + GROUP_SPACE + "сўм";
            case RU -> sign + number + GROUP_SPACE + "сум";
            case EN -> sign + "UZS" + GROUP_SPACE + number;
        };
    }
}
