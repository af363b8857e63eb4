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
import java.util.UUID;

/** A provider's offer as its last event described it. */
@Entity
@Table(name = "listed_offer")
public class ListedOffer {

    @Id
    @Column(name = "offer_id")
    private UUID offerId;

    @Column(name = "provider_id", nullable = false)
    private UUID providerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingStatus status;

    @Column(nullable = false)
    private String category;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> title;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_model", nullable = false)
    private PricingModel pricingModel;

    @Column(name = "price_uzs", nullable = false)
    private BigDecimal priceUzs;

    @Column(name = "delivery_days", nullable = false)
    private int deliveryDays;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions_served", nullable = false)
    private List<String> regionsServed;

    @Column(name = "ikpu_code")
    private String ikpuCode;

    protected ListedOffer() {
    }

    /** Whether the provider serves {@code regionCode}; an offer naming no region serves all. */
    public boolean serves(String regionCode) {
        return regionsServed.isEmpty() || regionsServed.contains(regionCode);
    }

    public UUID offerId() { return offerId; }
    public UUID providerId() { return providerId; }
    public ListingStatus status() { return status; }
    public String category() { return category; }
    public Map<String, String> title() { return title; }
    public PricingModel pricingModel() { return pricingModel; }
    public BigDecimal priceUzs() { return priceUzs; }
    public int deliveryDays() { return deliveryDays; }
    public List<String> regionsServed() { return regionsServed; }
    public String ikpuCode() { return ikpuCode; }
}
