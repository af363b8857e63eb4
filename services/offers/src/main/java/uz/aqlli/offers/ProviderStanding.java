package uz.aqlli.offers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/**
 * The directory's word on an organization as this service last heard it, mapped only so that the
 * board's query can leave out offers of providers that may not trade. The row is written by
 * platform/runtime's {@code OrganizationStandings} from the directory's events, never here.
 */
@Entity
@Immutable
@Table(name = "organization_standing")
public class ProviderStanding {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(nullable = false)
    private String status;

    protected ProviderStanding() {
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String status() {
        return status;
    }
}
