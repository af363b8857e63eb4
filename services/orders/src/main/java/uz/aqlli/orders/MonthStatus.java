package uz.aqlli.orders;

/** Where one month of a subscription is. */
public enum MonthStatus {
    SCHEDULED,
    DELIVERED,
    ACCEPTED,
    /** Frozen by a dispute until it ends; the other months go on. */
    DISPUTED,
    /** Called off by a dispute's outcome. */
    CANCELLED
}
