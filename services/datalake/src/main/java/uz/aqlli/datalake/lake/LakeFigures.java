package uz.aqlli.datalake.lake;

import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.datalake.api.RegionCount;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The administration's figures, each one query over the lake's events alone ({@code lake_event}),
 * so that every figure can be had again from the lake's files (a rebuilt lake included).
 */
@ApplicationScoped
public class LakeFigures {

    private final LakeSnapshots lake;

    LakeFigures(LakeSnapshots lake) {
        this.lake = lake;
    }

    /** Organizations registered per region (each organization once); one region, or all when empty. */
    public List<RegionCount> organizationsByRegion(Optional<String> region) {
        return lake.query(duckdb -> organizationsByRegion(duckdb, region));
    }

    /** The same figure over the files of a lake folder alone, without the platform's database. */
    public static List<RegionCount> organizationsByRegion(Path lakeFolder, Optional<String> region) {
        return LakeSnapshots.queryFolder(lakeFolder, duckdb -> organizationsByRegion(duckdb, region));
    }

    private static List<RegionCount> organizationsByRegion(java.sql.Connection duckdb, Optional<String> region) throws SQLException {
        try (PreparedStatement statement = duckdb.prepareStatement("""
                select json_extract_string(payload, '$.regionCode') as region_code, count(distinct subject) as organizations
                from lake_event
                where event_type = 'OrganizationRegistered' and (cast(? as varchar) is null or json_extract_string(payload, '$.regionCode') = ?)
                group by 1
                order by 1""")) {
            statement.setString(1, region.orElse(null));
            statement.setString(2, region.orElse(null));
            List<RegionCount> counts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.add(new RegionCount(rows.getString(1), rows.getLong(2)));
                }
            }
            return counts;
        }
    }
}
