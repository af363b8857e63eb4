package uz.aqlli.orders;

/** OCDS's contract statuses: awaiting signatures, signed, called off before signing, carried out, or ended early. */
public enum ContractStatus {
    PENDING,
    ACTIVE,
    /** A party refused to sign (OCDS {@code cancelled}: ended before it was signed). */
    CANCELLED,
    /** Every milestone met (or partly met) and paid in full of what was accepted. */
    COMPLETED,
    /** Ended early, by agreement or by one party (OCDS {@code terminated}); nothing changes afterwards. */
    TERMINATED
}
