package uz.aqlli.orders;

/** What a dispute is about. */
public enum DisputeSubject {
    /** A whole order (not a subscription). */
    ORDER,
    /** One month of a subscription order. */
    MONTH,
    /** One milestone of a signed contract. */
    MILESTONE
}
