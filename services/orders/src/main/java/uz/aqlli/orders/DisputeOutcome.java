package uz.aqlli.orders;

/** How a dispute ends for its subject. */
public enum DisputeOutcome {
    /** Accepted as delivered, at its amount. */
    ACCEPT,
    /** Back to the seller (supplier) for delivery again. */
    REDO,
    /** Accepted at a lower amount the parties (or the administration) name; the original amount is kept beside it. */
    PARTIAL_AMOUNT,
    /** Called off. */
    CANCEL
}
