package uz.aqlli.orders;

/** An amendment awaits the other party's answer; only an accepted one changes the terms in force. */
public enum AmendmentStatus {
    PROPOSED,
    ACCEPTED,
    DECLINED
}
