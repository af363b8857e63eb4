package uz.aqlli.offers;

/**
 * A service request's tender: open for questions and sealed bids until the deadline, then
 * evaluated by the buyer, and ended by an award, as unsuccessful, or by cancellation.
 */
public enum RequestStatus {
    OPEN,
    EVALUATION,
    AWARDED,
    UNSUCCESSFUL,
    CANCELLED;

    public boolean ended() {
        return this == AWARDED || this == UNSUCCESSFUL || this == CANCELLED;
    }
}
