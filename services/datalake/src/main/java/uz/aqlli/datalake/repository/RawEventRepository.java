package uz.aqlli.datalake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.datalake.RawEvent;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RawEventRepository implements PanacheRepositoryBase<RawEvent, String> {

    /** Organizations registered per region, from the raw events (each organization once); one region, or all when empty. */
    public List<Object[]> organizationsByRegion(Optional<String> region) {
        var query = getEntityManager().createNativeQuery("""
                        select payload ->> 'regionCode' as region_code, count(distinct subject) as organizations
                        from raw_event
                        where event_type = 'OrganizationRegistered'%s
                        group by 1
                        order by 1""".formatted(region.isPresent() ? " and payload ->> 'regionCode' = :region" : ""));
        region.ifPresent(code -> query.setParameter("region", code));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }
}
