package uz.aqlli.datalake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.datalake.RawEvent;

/** The lake's hot tier; its figures read the lake as a whole ({@link uz.aqlli.datalake.lake.LakeFigures}). */
@ApplicationScoped
public class RawEventRepository implements PanacheRepositoryBase<RawEvent, String> {
}
