package uz.aqlli.catalog.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.catalog.Region;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {
}
