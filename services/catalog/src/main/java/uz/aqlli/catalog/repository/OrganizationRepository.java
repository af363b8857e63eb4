package uz.aqlli.catalog.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.catalog.Organization;

import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public boolean stirTaken(String stir) {
        return count("stir", stir) > 0;
    }

    public java.util.Optional<Organization> byStir(String stir) {
        return find("stir", stir).firstResultOptional();
    }

    /** One page of the directory, newest first; {@code null} filters are not applied. */
    public io.quarkus.hibernate.orm.panache.PanacheQuery<Organization> search(
            uz.aqlli.catalog.OrganizationStatus status, String regionCode, uz.aqlli.catalog.OrganizationKind kind) {
        StringBuilder where = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters parameters = new io.quarkus.panache.common.Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (regionCode != null) {
            where.append(" and regionCode = :region");
            parameters.and("region", regionCode);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        return find(where + " order by registeredAt desc, id", parameters);
    }
}
