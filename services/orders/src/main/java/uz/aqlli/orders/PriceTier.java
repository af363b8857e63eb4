package uz.aqlli.orders;

import java.math.BigDecimal;

/** From {@code minQuantity} units on, each costs {@code priceUzs} (a product's quantity discount). */
public record PriceTier(BigDecimal minQuantity, BigDecimal priceUzs) {
}
