package uz.aqlli.offers;

/** What an offer's price means. */
public enum PricingModel {
    /** The whole service for this amount. */
    FIXED,
    /** The smallest engagement costs this; the final price is agreed per order. */
    FROM_PRICE,
    /** Per hour of work. */
    HOURLY,
    /** Per month, for as long as the enterprise subscribes. */
    MONTHLY_SUBSCRIPTION
}
