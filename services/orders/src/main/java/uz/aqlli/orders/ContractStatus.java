package uz.aqlli.orders;

/** OCDS's contract statuses as far as this slice goes: awaiting signatures, signed, or called off before signing. */
public enum ContractStatus {
    PENDING,
    ACTIVE,
    /** A party refused to sign (OCDS {@code cancelled}: ended before it was signed). */
    CANCELLED
}
