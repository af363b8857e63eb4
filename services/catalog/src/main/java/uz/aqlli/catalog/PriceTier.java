package uz.aqlli.catalog;

import java.math.BigDecimal;

/** From {@code minQuantity} units on, each costs {@code priceUzs}. */
public record PriceTier(BigDecimal minQuantity, BigDecimal priceUzs) {
}
