package uz.aqlli.offers;

import java.math.BigDecimal;

/** What a provider offers in a bid: the price in so'm, how many days it takes, and how. */
public record BidTerms(BigDecimal priceUzs, int durationDays, String proposal) {
}
