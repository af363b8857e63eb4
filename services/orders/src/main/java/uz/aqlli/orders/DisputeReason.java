package uz.aqlli.orders;

/** Why a party opened a dispute. */
public enum DisputeReason {
    NOT_DELIVERED,
    NOT_AS_AGREED,
    LATE,
    NOT_PAID,
    OTHER
}
