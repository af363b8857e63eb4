package uz.aqlli.datalake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.datalake.RawEvent;

import java.util.List;

@ApplicationScoped
public class RawEventRepository implements PanacheRepositoryBase<RawEvent, String> {

    /** Organizations registered per region, from the raw events (each organization once). */
    public List<Object[]> organizationsByRegion() {
        return getEntityManager().createNativeQuery("""
                        select payload ->> 'regionCode' as region_code, count(distinct subject) as organizations
                        from raw_event
                        where event_type = 'OrganizationRegistered'
                        group by 1
                        order by 1""")
                .getResultList();
    }
}
