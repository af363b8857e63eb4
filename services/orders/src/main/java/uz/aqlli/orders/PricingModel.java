package uz.aqlli.orders;

/** An offer's pricing model, as offers publishes it; it decides how an order of the offer is priced. */
public enum PricingModel {
    /** The offer's price is the order's. */
    FIXED,
    /** The price is where it starts: the provider quotes. */
    FROM_PRICE,
    /** Per hour: the provider quotes a price and the hours. */
    HOURLY,
    /** Per month: the buyer chooses the months; each month is delivered and accepted on its own. */
    MONTHLY_SUBSCRIPTION;

    public boolean quoted() {
        return this == FROM_PRICE || this == HOURLY;
    }
}
