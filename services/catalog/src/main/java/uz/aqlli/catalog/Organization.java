package uz.aqlli.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
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
    @Column(nullable = false)
    private OrganizationStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Organization() {
        // for JPA
    }

    /** A newly registered organization; always pending, whatever the caller asked for. */
    public static Organization register(OrganizationKind kind, String legalName, String stir, String regionCode,
                                        String districtCode, Instant now) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.kind = kind;
        organization.legalName = legalName.strip();
        organization.stir = stir;
        organization.regionCode = regionCode;
        organization.districtCode = districtCode;
        organization.status = OrganizationStatus.PENDING;
        organization.registeredAt = now;
        return organization;
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

    public OrganizationStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
