package uz.aqlli.platform.events;

import java.util.Set;

/**
 * The SOATO codes of Uzbekistan's 14 first-level regions (12 viloyats, the Republic of
 * Karakalpakstan and Tashkent city). {@code catalog} keeps their names; other services only need
 * to know a code is one of them.
 */
public final class Regions {

    public static final Set<String> CODES = Set.of(
            "1735", "1703", "1706", "1708", "1710", "1712", "1714",
            "1718", "1722", "1724", "1726", "1727", "1730", "1733");

    private Regions() {
    }

    public static boolean isRegion(String code) {
        return code != null && CODES.contains(code);
    }
}
