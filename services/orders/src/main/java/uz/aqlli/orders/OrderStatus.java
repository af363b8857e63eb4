package uz.aqlli.orders;

/**
 * Where an order is. The seller sees an order from {@link #PLACED} on: one waiting for the buyer's
 * approval, or rejected by the buyer's manager, never reached it.
 */
public enum OrderStatus {
    /** Placed by a member above the buyer's approval threshold; waits for the buyer's manager. */
    PENDING_APPROVAL,
    /** The buyer's manager did not approve it (final). */
    REJECTED,
    /** With the seller: to confirm or refuse, or (a request for a quote) to quote. */
    PLACED,
    /** The provider quoted; the buyer accepts or declines. */
    QUOTED,
    /** The seller took it on, with a delivery date (for a quote: the buyer accepted it). */
    CONFIRMED,
    /** The seller declined it (final). */
    REFUSED,
    /** Delivered; the buyer accepts or disputes within the acceptance window. */
    DELIVERED,
    /** Accepted by the buyer, or by the acceptance window passing (final). */
    COMPLETED,
    /** Frozen by a dispute over the whole order until it ends (see {@link Dispute}); its outcome decides what follows. */
    DISPUTED,
    /** Called off before delivery (final). */
    CANCELLED;

    public boolean seenBySeller() {
        return this != PENDING_APPROVAL && this != REJECTED;
    }
}
