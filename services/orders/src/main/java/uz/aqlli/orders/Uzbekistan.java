package uz.aqlli.orders;

import java.time.ZoneId;

/** The marketplace's calendar: every date a party sees (due, paid, signed, invoiced) is a day in Tashkent. */
public final class Uzbekistan {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tashkent");

    private Uzbekistan() {
    }
}
