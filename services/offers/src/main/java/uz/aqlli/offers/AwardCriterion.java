package uz.aqlli.offers;

/** How the buyer will choose, published with the request so every bidder knows up front. */
public enum AwardCriterion {
    /** The lowest price wins; awarding another bid needs a written reason. */
    LOWEST_PRICE,
    /** A weighted score of price and quality, with the weights published in the request. */
    PRICE_AND_QUALITY
}
