package uz.aqlli.opendata.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.opendata.Organization;
import uz.aqlli.platform.events.OrganizationRegistered;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The directory's organizations as parties: legal name, STIR and address (catalog never changes them after registration). */
@ApplicationScoped
public class DirectoryRepository {

    private final EntityManager entityManager;

    DirectoryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(OrganizationRegistered event) {
        entityManager.createNativeQuery("""
                        insert into organization (organization_id, kind, legal_name, stir, region_code, address)
                        values (:id, :kind, :name, :stir, :region, :address)
                        on conflict (organization_id) do update
                            set kind = excluded.kind, legal_name = excluded.legal_name, stir = excluded.stir,
                                region_code = excluded.region_code, address = excluded.address, updated_at = now()""")
                .setParameter("id", event.organizationId())
                .setParameter("kind", event.kind())
                .setParameter("name", event.legalName())
                .setParameter("stir", event.stir())
                .setParameter("region", event.regionCode())
                .setParameter("address", event.address())
                .executeUpdate();
    }

    public Map<UUID, Organization> find(Set<UUID> ids) {
        Map<UUID, Organization> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        select organization_id, legal_name, stir, region_code, address from organization
                        where organization_id in (:ids)""")
                .setParameter("ids", ids).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            UUID id = (UUID) columns[0];
            found.put(id, new Organization(id, (String) columns[1], (String) columns[2], (String) columns[3], (String) columns[4]));
        }
        return found;
    }
}
