package uz.aqlli.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;
import uz.aqlli.platform.runtime.listing.ListingLifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an industrial enterprise makes and sells, with its price in so'm, quantities and export
 * readiness. The search columns ({@code search_document}, {@code name_document}, {@code in_sample})
 * are computed by the database and not mapped.
 */
@Entity
@Table(name = "product")
public class Product {

    private static final ListingLifecycle<ProductStatus> LIFECYCLE = ListingLifecycle.of(ProductStatus.class, "product");

    @Id
    private UUID id;

    @Column(name = "enterprise_id", nullable = false)
    private UUID enterpriseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProductStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @Column(name = "hs_code")
    private String hsCode;

    @Column(name = "ikpu_code")
    private String ikpuCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitOfMeasure unit;

    @Column(name = "price_uzs", nullable = false)
    private BigDecimal priceUzs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "price_tiers", nullable = false)
    private List<PriceTier> priceTiers;

    @Column(name = "min_order_quantity", nullable = false)
    private BigDecimal minOrderQuantity;

    @Column(name = "monthly_capacity")
    private BigDecimal monthlyCapacity;

    @Column(name = "lead_time_days", nullable = false)
    private int leadTimeDays;

    @Column(name = "export_ready", nullable = false)
    private boolean exportReady;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> certifications;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "zone_type", nullable = false)
    private ZoneType zoneType;

    @Column(name = "zone_name")
    private String zoneName;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Product() {
    }

    public static Product draft(UUID id, Organization enterprise, ProductTerms terms, Instant now) {
        Product product = new Product();
        product.id = id;
        product.enterpriseId = enterprise.id();
        product.status = LIFECYCLE.drafted();
        product.regionCode = enterprise.regionCode();
        product.zoneType = enterprise.zoneType();
        product.zoneName = enterprise.zoneName();
        product.createdAt = now;
        product.apply(terms, now);
        return product;
    }

    public void revise(ProductTerms terms, Instant now) {
        LIFECYCLE.requireRevisable(status);
        apply(terms, now);
    }

    public void publish(Instant now) {
        status = LIFECYCLE.publish(status);
        publishedAt = now;
        updatedAt = now;
    }

    public void withdraw(Instant now) {
        status = LIFECYCLE.withdraw(status);
        withdrawnAt = now;
        updatedAt = now;
    }

    private void apply(ProductTerms terms, Instant now) {
        name = Map.copyOf(terms.name());
        description = Map.copyOf(terms.description());
        sector = terms.sector();
        hsCode = terms.hsCode();
        ikpuCode = terms.ikpuCode();
        unit = terms.unit();
        priceUzs = terms.priceUzs();
        priceTiers = List.copyOf(terms.priceTiers());
        minOrderQuantity = terms.minOrderQuantity();
        monthlyCapacity = terms.monthlyCapacity();
        leadTimeDays = terms.leadTimeDays();
        exportReady = terms.exportReady();
        certifications = List.copyOf(terms.certifications());
        updatedAt = now;
    }

    public UUID id() { return id; }

    public UUID enterpriseId() { return enterpriseId; }

    public ProductStatus status() { return status; }

    /** Published, or hidden while its enterprise is suspended: its changes are news for the platform. */
    public boolean listed() { return LIFECYCLE.onList(status); }

    public Map<String, String> name() { return name; }

    public Map<String, String> description() { return description; }

    public Sector sector() { return sector; }

    public String hsCode() { return hsCode; }

    /** The IKPU (MXIK) code an e-invoice line names; {@code null} when the enterprise has not given it. */
    public String ikpuCode() { return ikpuCode; }

    public UnitOfMeasure unit() { return unit; }

    public BigDecimal priceUzs() { return priceUzs; }

    public List<PriceTier> priceTiers() { return priceTiers; }

    public BigDecimal minOrderQuantity() { return minOrderQuantity; }

    public BigDecimal monthlyCapacity() { return monthlyCapacity; }

    public int leadTimeDays() { return leadTimeDays; }

    public boolean exportReady() { return exportReady; }

    public List<String> certifications() { return certifications; }

    public String regionCode() { return regionCode; }

    public ZoneType zoneType() { return zoneType; }

    public String zoneName() { return zoneName; }

    public long version() { return version; }

    public Instant createdAt() { return createdAt; }

    public Instant updatedAt() { return updatedAt; }

    public Instant publishedAt() { return publishedAt; }

    public Instant withdrawnAt() { return withdrawnAt; }
}
