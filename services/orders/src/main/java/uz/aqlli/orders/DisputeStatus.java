package uz.aqlli.orders;

/** Where a dispute is: {@code OPEN} → {@code RESPONDED} → {@code SETTLED}, or {@code ESCALATED} → {@code RESOLVED}. */
public enum DisputeStatus {
    /** Opened by one party; the other answers within the response window. */
    OPEN,
    /** The other party answered; the two settle it, or either escalates it. */
    RESPONDED,
    /** Both parties confirmed one outcome (final). */
    SETTLED,
    /** With the administration of the buyer's region: by a party, or by the response window passing. */
    ESCALATED,
    /** The administration decided an outcome, with a written reason (final). */
    RESOLVED;

    /** Whether the dispute still holds its subject. */
    public boolean live() {
        return this == OPEN || this == RESPONDED || this == ESCALATED;
    }
}
