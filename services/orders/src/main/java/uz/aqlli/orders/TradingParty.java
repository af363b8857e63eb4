package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uz.aqlli.platform.events.OrderParty;

import java.util.UUID;

/**
 * An organization as orders knows it from the directory's events: who it is on an e-invoice, where it
 * sits, and who manages it. Written only by the directory's events (see {@code MarketCopies}).
 */
@Entity
@Table(name = "trading_party")
public class TradingParty {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "legal_name")
    private String legalName;

    private String stir;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(name = "district_code")
    private String districtCode;

    @Column(name = "zone_type")
    private String zoneType;

    @Column(name = "zone_name")
    private String zoneName;

    private String address;

    @Column(name = "vat_registration_code")
    private String vatRegistrationCode;

    @Column(name = "manager_user_id")
    private String managerUserId;

    protected TradingParty() {
    }

    public UUID organizationId() { return organizationId; }
    public String kind() { return kind; }
    public String legalName() { return legalName; }
    public String stir() { return stir; }
    public String regionCode() { return regionCode; }
    public String districtCode() { return districtCode; }
    public String zoneType() { return zoneType; }
    public String zoneName() { return zoneName; }
    public String address() { return address; }
    public String vatRegistrationCode() { return vatRegistrationCode; }
    public String managerUserId() { return managerUserId; }

    public boolean managedBy(String userId) {
        return managerUserId != null && managerUserId.equals(userId);
    }

    /** The side of an order event: the organization and where it sits. */
    public OrderParty asOrderParty() {
        return new OrderParty(organizationId, regionCode, districtCode, zoneType, zoneName);
    }
}
