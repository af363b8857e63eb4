package uz.aqlli.offers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.listing.ListingLifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A packaged digital service an IT provider sells at a stated price. */
@Entity
@Table(name = "offer")
public class Offer {

    private static final ListingLifecycle<OfferStatus> LIFECYCLE = ListingLifecycle.of(OfferStatus.class, "offer");

    @Id
    private UUID id;

    @Column(name = "provider_id", nullable = false)
    private UUID providerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceCategory category;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> description;

    @Column(name = "ikpu_code")
    private String ikpuCode;

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

    protected Offer() {
    }

    public static Offer draft(UUID id, UUID providerId, OfferTerms terms, Instant now) {
        Offer offer = new Offer();
        offer.id = id;
        offer.providerId = providerId;
        offer.status = LIFECYCLE.drafted();
        offer.createdAt = now;
        offer.apply(terms, now);
        return offer;
    }

    /** New terms for a draft or a published offer; a withdrawn one stays as it was. */
    public void revise(OfferTerms terms, Instant now) {
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

    private void apply(OfferTerms terms, Instant now) {
        category = terms.category();
        title = Map.copyOf(terms.title());
        description = Map.copyOf(terms.description());
        ikpuCode = terms.ikpuCode();
        pricingModel = terms.pricingModel();
        priceUzs = terms.priceUzs();
        deliveryDays = terms.deliveryDays();
        regionsServed = List.copyOf(terms.regionsServed());
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID providerId() {
        return providerId;
    }

    public OfferStatus status() {
        return status;
    }

    /** On the board: its changes are news for the platform. */
    public boolean listed() {
        return LIFECYCLE.onList(status);
    }

    public ServiceCategory category() {
        return category;
    }

    public Map<String, String> title() {
        return title;
    }

    public Map<String, String> description() {
        return description;
    }

    /** The IKPU (MXIK) code an e-invoice line names; {@code null} when the provider has not given it. */
    public String ikpuCode() {
        return ikpuCode;
    }

    public PricingModel pricingModel() {
        return pricingModel;
    }

    public BigDecimal priceUzs() {
        return priceUzs;
    }

    public int deliveryDays() {
        return deliveryDays;
    }

    public List<String> regionsServed() {
        return regionsServed;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
