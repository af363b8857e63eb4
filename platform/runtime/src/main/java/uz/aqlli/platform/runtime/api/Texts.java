package uz.aqlli.platform.runtime.api;

/**
 * Which characters a text the marketplace keeps may hold, decided once for every service: any
 * Unicode text except control characters (general category Cc: U+0000–U+001F, U+007F–U+009F)
 * other than tab, line feed and carriage return, and except a surrogate without its pair.
 *
 * <p>PostgreSQL cannot store U+0000 at all (a 500 before this rule), the other control
 * characters are invisible in every screen and report, and a lone surrogate is not UTF-8.
 * U+2028 and U+2029 (line and paragraph separators) are text, not controls, and stay allowed.
 * The rule holds for every string in a JSON body ({@link RequestJson}) and for every query and
 * path parameter ({@link TextParameters}).
 */
public final class Texts {

    private Texts() {
    }

    /** Why {@code text} is refused ("must not contain U+0000 (at 4)"), or {@code null} when it is allowed. */
    public static String refusal(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain the control character " + codePoint(c) + " (at " + i + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain the unpaired surrogate " + codePoint(c) + " (at " + i + ")";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
