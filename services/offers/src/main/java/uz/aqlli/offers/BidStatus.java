package uz.aqlli.offers;

/**
 * A provider's bid is active until withdrawn; only active bids take part in the award. A bid whose
 * award its supplier refused to sign ({@code DECLINED_AWARD}) is out of the award for good.
 */
public enum BidStatus {
    ACTIVE,
    WITHDRAWN,
    DECLINED_AWARD
}
