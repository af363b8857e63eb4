package uz.aqlli.orders;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server's prices: quantity tiers at their boundaries and sums exact to the tiyin. */
class PricingTest {

    private static final List<PriceTier> TIERS = List.of(
            new PriceTier(new BigDecimal("500"), new BigDecimal("41000")),
            new PriceTier(new BigDecimal("100"), new BigDecimal("44500.50")));

    @Test
    void theListedPriceHoldsBelowTheFirstTier() {
        assertEquals(new BigDecimal("47000.00"), Pricing.unitPrice(new BigDecimal("47000"), TIERS, new BigDecimal("99.999")));
    }

    @Test
    void aTierStartsAtItsMinimumQuantityExactly() {
        assertEquals(new BigDecimal("44500.50"), Pricing.unitPrice(new BigDecimal("47000"), TIERS, new BigDecimal("100")));
        assertEquals(new BigDecimal("44500.50"), Pricing.unitPrice(new BigDecimal("47000"), TIERS, new BigDecimal("499")));
        assertEquals(new BigDecimal("41000.00"), Pricing.unitPrice(new BigDecimal("47000"), TIERS, new BigDecimal("500")));
        assertEquals(new BigDecimal("41000.00"), Pricing.unitPrice(new BigDecimal("47000"), TIERS, new BigDecimal("100000")));
    }

    @Test
    void noTiersMeansOnePrice() {
        assertEquals(new BigDecimal("12.30"), Pricing.unitPrice(new BigDecimal("12.3"), List.of(), new BigDecimal("1000000")));
    }

    @Test
    void aLineIsRoundedToTheTiyinHalfUpAndTheTotalIsTheExactSum() {
        // 2.345 kg at 10.01 = 23.47345 -> 23.47; 0.125 kg at 0.20 = 0.025 -> 0.03 (half up)
        BigDecimal first = Pricing.amount(new BigDecimal("2.345"), new BigDecimal("10.01"));
        BigDecimal second = Pricing.amount(new BigDecimal("0.125"), new BigDecimal("0.20"));
        assertEquals(new BigDecimal("23.47"), first);
        assertEquals(new BigDecimal("0.03"), second);
        assertEquals(new BigDecimal("23.50"), Pricing.total(List.of(first, second)));
    }

    @Test
    void manyLinesAddUpWithoutDrift() {
        // 50 lines of 1/3-ish amounts: a double would drift, BigDecimal to the tiyin must not
        BigDecimal line = Pricing.amount(new BigDecimal("3"), new BigDecimal("33333.33"));
        BigDecimal total = Pricing.total(java.util.Collections.nCopies(50, line));
        assertEquals(new BigDecimal("99999.99"), line);
        assertEquals(new BigDecimal("4999999.50"), total);
    }
}
