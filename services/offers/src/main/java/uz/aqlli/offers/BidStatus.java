package uz.aqlli.offers;

/** A provider's bid is active until withdrawn; only active bids take part in the award. */
public enum BidStatus {
    ACTIVE,
    WITHDRAWN
}
