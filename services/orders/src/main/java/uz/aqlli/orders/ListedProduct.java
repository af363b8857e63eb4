package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A catalogue product as its last event described it: what an order of it is priced from. */
@Entity
@Table(name = "listed_product")
public class ListedProduct {

    /** Units counted in whole numbers: nobody orders 2.5 pieces. */
    private static final Set<String> COUNTED = Set.of("PIECE", "PAIR", "SET");

    @Id
    @Column(name = "product_id")
    private UUID productId;

    @Column(name = "enterprise_id", nullable = false)
    private UUID enterpriseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> name;

    @Column(nullable = false)
    private String sector;

    @Column(nullable = false)
    private String unit;

    @Column(name = "price_uzs", nullable = false)
    private BigDecimal priceUzs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "price_tiers", nullable = false)
    private List<PriceTier> priceTiers;

    @Column(name = "min_order_quantity", nullable = false)
    private BigDecimal minOrderQuantity;

    @Column(name = "ikpu_code")
    private String ikpuCode;

    protected ListedProduct() {
    }

    /** The unit price for {@code quantity} units (its quantity tier). */
    public BigDecimal unitPriceFor(BigDecimal quantity) {
        return Pricing.unitPrice(priceUzs, priceTiers, quantity);
    }

    public boolean countedInWholeUnits() {
        return COUNTED.contains(unit);
    }

    public UUID productId() { return productId; }
    public UUID enterpriseId() { return enterpriseId; }
    public ListingStatus status() { return status; }
    public Map<String, String> name() { return name; }
    public String sector() { return sector; }
    public String unit() { return unit; }
    public BigDecimal priceUzs() { return priceUzs; }
    public List<PriceTier> priceTiers() { return priceTiers; }
    public BigDecimal minOrderQuantity() { return minOrderQuantity; }
    public String ikpuCode() { return ikpuCode; }
}
