package uz.aqlli.datalake.lake;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One table of a figure: the months {@code from} to {@code to} (whole months in Tashkent), the facts
 * of one region or district or all, in rows by {@code groupBy}.
 */
public record FigureQuery(Figure figure, YearMonth from, YearMonth to, Optional<String> region, Optional<String> district,
                          GroupBy groupBy) {

    /** How the rows of a figure's table are cut; the key columns each brings, as the API names them. */
    public enum GroupBy {
        MONTH("month", List.of()),
        REGION("region", List.of("region", "regionCode")),
        DISTRICT("district", List.of("region", "regionCode", "district", "districtCode")),
        ZONE("zone", List.of("zone_type", "zoneType", "zone_name", "zoneName")),
        SECTOR("sector", List.of("sector", "sector")),
        CATEGORY("category", List.of("category", "serviceCategory"));

        private final String apiName;
        /** Pairs: the facts' column, then its name in the table. */
        private final List<String> keys;

        GroupBy(String apiName, List<String> keys) {
            this.apiName = apiName;
            this.keys = keys;
        }

        public String apiName() {
            return apiName;
        }

        List<String> keys() {
            return keys;
        }

        public static Optional<GroupBy> named(String name) {
            for (GroupBy groupBy : values()) {
                if (groupBy.apiName.equals(name)) {
                    return Optional.of(groupBy);
                }
            }
            return Optional.empty();
        }
    }
}
