package uz.aqlli.orders;

/** Where one month of a subscription is. */
public enum MonthStatus {
    SCHEDULED,
    DELIVERED,
    ACCEPTED,
    DISPUTED
}
