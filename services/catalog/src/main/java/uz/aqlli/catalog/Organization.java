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
import uz.aqlli.platform.events.ZoneType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A company on the marketplace: an industrial enterprise or an IT provider, with the region it
 * sits in. It enters the directory pending and trades only once the regional administration has
 * verified it.
 */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationKind kind;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false, unique = true)
    private String stir;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(name = "district_code")
    private String districtCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "zone_type", nullable = false)
    private ZoneType zoneType;

    @Column(name = "zone_name")
    private String zoneName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sectors", nullable = false)
    private List<String> sectors;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_categories", nullable = false)
    private List<String> serviceCategories;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    /** Null only for organizations registered before the directory asked for it (V10). */
    @Column(name = "address")
    private String address;

    @Column(name = "vat_registration_code")
    private String vatRegistrationCode;

    @Column(name = "keycloak_organization_id")
    private UUID keycloakOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_by")
    private String statusChangedBy;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Organization() {
        // for JPA
    }

    /** A newly registered organization; always pending, whatever the caller asked for. */
    public static Organization register(UUID id, OrganizationProfile profile, UUID keycloakOrganizationId, Instant now) {
        Organization organization = new Organization();
        organization.id = id;
        organization.kind = profile.kind();
        organization.legalName = profile.legalName().strip();
        organization.stir = profile.stir();
        organization.regionCode = profile.regionCode();
        organization.districtCode = profile.districtCode();
        organization.zoneType = profile.zoneType();
        organization.zoneName = profile.zoneType().named() ? profile.zoneName().strip() : null;
        organization.sectors = profile.sectors().stream().map(Enum::name).sorted().toList();
        organization.serviceCategories = profile.serviceCategories().stream().map(Enum::name).sorted().toList();
        organization.contactPhone = profile.contactPhone();
        organization.contactEmail = profile.contactEmail().toLowerCase(java.util.Locale.ROOT);
        organization.address = profile.address().strip();
        organization.vatRegistrationCode = profile.vatRegistrationCode();
        organization.keycloakOrganizationId = keycloakOrganizationId;
        organization.status = OrganizationStatus.PENDING;
        organization.registeredAt = now;
        return organization;
    }

    /**
     * Applies the administration's decision.
     *
     * @throws IllegalStateException when the decision does not apply to the current status
     */
    public void decide(OrganizationDecision decision, String reason, String decidedBy, Instant now) {
        if (!status.allowedDecisions().contains(decision)) {
            throw new IllegalStateException("an organization that is " + status + " cannot be " + decision);
        }
        if (decision.reasonRequired() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(decision + " needs a reason");
        }
        status = decision.outcome();
        statusReason = reason == null || reason.isBlank() ? null : reason.strip();
        statusChangedBy = decidedBy;
        statusChangedAt = now;
    }

    public UUID id() {
        return id;
    }

    public OrganizationKind kind() {
        return kind;
    }

    public String legalName() {
        return legalName;
    }

    public String stir() {
        return stir;
    }

    public String regionCode() {
        return regionCode;
    }

    public String districtCode() {
        return districtCode;
    }

    public ZoneType zoneType() {
        return zoneType;
    }

    public String zoneName() {
        return zoneName;
    }

    public List<String> sectors() {
        return sectors;
    }

    public List<String> serviceCategories() {
        return serviceCategories;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String contactEmail() {
        return contactEmail;
    }

    /** The legal address; {@code null} for an organization registered before it was asked for. */
    public String address() {
        return address;
    }

    /** The VAT payer's registration code; {@code null} when the organization does not charge VAT. */
    public String vatRegistrationCode() {
        return vatRegistrationCode;
    }

    public UUID keycloakOrganizationId() {
        return keycloakOrganizationId;
    }

    public OrganizationStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public String statusChangedBy() {
        return statusChangedBy;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
