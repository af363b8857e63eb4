package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * One line of an order: the product or offer, copied as it was listed when the order was placed,
 * with the price the server computed (none while a quote is awaited).
 */
@Embeddable
public class OrderItem {

    @Column(name = "product_id")
    private UUID productId;

    @Column(name = "offer_id")
    private UUID offerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> name;

    private String sector;

    @Column(nullable = false)
    private String unit;

    @Column(name = "ikpu_code")
    private String ikpuCode;

    @Column(nullable = false)
    private BigDecimal quantity;

    @Column(name = "unit_price_uzs")
    private BigDecimal unitPriceUzs;

    @Column(name = "amount_uzs")
    private BigDecimal amountUzs;

    protected OrderItem() {
    }

    private OrderItem(UUID productId, UUID offerId, Map<String, String> name, String sector, String unit, String ikpuCode,
                      BigDecimal quantity, BigDecimal unitPriceUzs) {
        this.productId = productId;
        this.offerId = offerId;
        this.name = Map.copyOf(name);
        this.sector = sector;
        this.unit = unit;
        this.ikpuCode = ikpuCode;
        this.quantity = counted(quantity);
        price(unitPriceUzs);
    }

    public static OrderItem product(UUID productId, Map<String, String> name, String sector, String unit, String ikpuCode,
                                    BigDecimal quantity, BigDecimal unitPriceUzs) {
        return new OrderItem(productId, null, name, sector, unit, ikpuCode, quantity, unitPriceUzs);
    }

    /** An offer's line; {@code unitPriceUzs} null while a quote is awaited. */
    public static OrderItem offer(UUID offerId, Map<String, String> title, String unit, String ikpuCode,
                                  BigDecimal quantity, BigDecimal unitPriceUzs) {
        return new OrderItem(null, offerId, title, null, unit, ikpuCode, quantity, unitPriceUzs);
    }

    /** The provider's quote: the quantity it counts (hours) and its total. */
    void quote(BigDecimal quantity, BigDecimal total) {
        this.quantity = counted(quantity);
        this.amountUzs = Pricing.money(total);
        this.unitPriceUzs = Pricing.money(total.divide(quantity, 2, java.math.RoundingMode.HALF_UP));
    }

    /** Quantities are kept to three decimals (grams of a kilogram), the same in an answer as in the database. */
    private static BigDecimal counted(BigDecimal quantity) {
        return quantity.setScale(3, java.math.RoundingMode.UNNECESSARY);
    }

    private void price(BigDecimal unitPrice) {
        this.unitPriceUzs = unitPrice == null ? null : Pricing.money(unitPrice);
        this.amountUzs = unitPrice == null ? null : Pricing.amount(quantity, unitPrice);
    }

    public UUID productId() {
        return productId;
    }

    public UUID offerId() {
        return offerId;
    }

    /** The product or offer this line is of. */
    public UUID listingId() {
        return productId != null ? productId : offerId;
    }

    public Map<String, String> name() {
        return name;
    }

    /** The product's sector; {@code null} for an offer. */
    public String sector() {
        return sector;
    }

    public String unit() {
        return unit;
    }

    public String ikpuCode() {
        return ikpuCode;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal unitPriceUzs() {
        return unitPriceUzs;
    }

    public BigDecimal amountUzs() {
        return amountUzs;
    }
}
