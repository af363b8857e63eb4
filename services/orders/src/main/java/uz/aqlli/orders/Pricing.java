package uz.aqlli.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * How the server prices an order; the client never says what it expects to pay (except the quote it
 * accepts). Every amount is so'm with two decimals (tiyin), VAT included, as listings state prices.
 */
public final class Pricing {

    /** ISO 4217: every amount of the platform is in so'm. */
    public static final String CURRENCY = "UZS";

    private Pricing() {
    }

    /**
     * The unit price for {@code quantity}: the price of the highest tier the quantity reaches, or the
     * listing's price below the first tier. Tiers need not arrive sorted.
     */
    public static BigDecimal unitPrice(BigDecimal listedPrice, List<PriceTier> tiers, BigDecimal quantity) {
        BigDecimal price = listedPrice;
        BigDecimal reached = null;
        for (PriceTier tier : tiers) {
            if (tier.minQuantity().compareTo(quantity) <= 0 && (reached == null || tier.minQuantity().compareTo(reached) > 0)) {
                reached = tier.minQuantity();
                price = tier.priceUzs();
            }
        }
        return money(price);
    }

    /** Quantity times unit price, to the tiyin (half up: 0.005 so'm is a tiyin). */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return money(quantity.multiply(unitPrice));
    }

    /** The exact sum of line amounts (already in tiyin, so nothing is rounded here). */
    public static BigDecimal total(Collection<BigDecimal> amounts) {
        return money(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The largest amount an order, a line or a month can hold (the columns are {@code numeric(18,2)}). */
    public static final BigDecimal LARGEST = new BigDecimal("9999999999999999.99");

    public static boolean storable(BigDecimal amount) {
        return amount == null || amount.compareTo(LARGEST) <= 0;
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
