package uz.aqlli.datalake.lake;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uz.aqlli.datalake.api.RegionCount;
import uz.aqlli.platform.events.Topic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The administration's figures, each one query over the lake's events alone ({@code lake_event}),
 * so that every figure can be had again from the lake's files (a rebuilt lake included). Only the
 * known events of each topic from its own producer are counted: an unknown type, or a record on a
 * topic from another source, never is.
 */
@ApplicationScoped
public class LakeFigures {

    /**
     * Each organization's status as of each bucket's end: its last organization event before it.
     * Columns month, starts, ends, org_id, status.
     */
    static final String ORGANIZATION_STATUS = """
            select b.month, b.starts, b.ends, o.subject as org_id,
                   arg_max(json_extract_string(o.payload, '$.status'), o.lake_seq) as status
            from e_organizations o join {buckets} b on o.happened_at < b.ends group by b.month, b.starts, b.ends, o.subject""";

    private static final Logger LOG = Logger.getLogger(LakeFigures.class);

    private final LakeSnapshots lake;

    LakeFigures(LakeSnapshots lake) {
        this.lake = lake;
    }

    /** A figure's table over the lake as it is now (files and hot rows). */
    public FigureTable table(FigureQuery query) {
        return lake.query(duckdb -> table(duckdb, query));
    }

    /** The same table over the files of a lake folder alone (a rebuilt one), without the platform's database. */
    public FigureTable table(Path lakeFolder, FigureQuery query) {
        return lake.queryFolder(lakeFolder, duckdb -> table(duckdb, query));
    }

    /**
     * The table's rows written by DuckDB as a Parquet file in the temporary folder; the caller
     * sends it and deletes it.
     */
    public Path parquet(FigureQuery query) {
        return lake.query(duckdb -> {
            prepare(duckdb, query);
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "aqlli-figure-" + UUID.randomUUID() + ".parquet");
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("copy (" + rows(query) + ") to " + ParquetFiles.literal(file.toString()) + " (format parquet)");
            } catch (SQLException e) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // the temporary folder is swept by the system
                }
                throw e;
            }
            return file;
        });
    }

    static FigureTable table(Connection duckdb, FigureQuery query) throws SQLException {
        long started = System.nanoTime();
        prepare(duckdb, query);
        List<String> columns = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(rows(query))) {
            ResultSetMetaData meta = result.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            while (result.next()) {
                rows.add(row(result, columns));
            }
        }
        Map<String, Object> totals;
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(totals(query))) {
            result.next();
            totals = row(result, List.copyOf(query.figure().measures().keySet()));
        }
        LOG.debugf("Figure %s %s..%s by %s: %d rows in %d ms", query.figure().apiName(), query.from(), query.to(),
                query.groupBy().apiName(), rows.size(), (System.nanoTime() - started) / 1_000_000);
        return new FigureTable(query.figure().apiName(), query.from().toString(), query.to().toString(),
                query.groupBy().apiName(), query.region().orElse(null), query.district().orElse(null), columns, rows, totals);
    }

    private static Map<String, Object> row(ResultSet result, List<String> columns) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), result.getObject(i + 1));
        }
        return row;
    }

    /** The rows' query: by month over every month of the period (empty ones included), else by the keys over the whole period. */
    static String rows(FigureQuery query) {
        String measures = measures(query.figure());
        if (query.groupBy() == FigureQuery.GroupBy.MONTH) {
            return "select b.month as \"month\", " + measures + " from month_buckets b left join (" + facts(query, "month_buckets")
                    + ") f on f.month = b.month group by b.month order by b.month";
        }
        List<String> keys = query.groupBy().keys();
        List<String> selected = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 2) {
            selected.add("f." + keys.get(i) + " as \"" + keys.get(i + 1) + "\"");
            columns.add("f." + keys.get(i));
        }
        String grouping = String.join(", ", columns);
        return "select " + String.join(", ", selected) + ", " + measures + " from (" + facts(query, "period_bucket") + ") f group by "
                + grouping + " order by " + columns.stream().map(column -> column + " nulls last").collect(Collectors.joining(", "));
    }

    private static String totals(FigureQuery query) {
        return "select " + measures(query.figure()) + " from (" + facts(query, "period_bucket") + ") f";
    }

    private static String measures(Figure figure) {
        return figure.measures().entrySet().stream().map(measure -> measure.getValue() + " as \"" + measure.getKey() + "\"")
                .collect(Collectors.joining(", "));
    }

    /** The figure's facts over {@code buckets}, of the region and district asked for (validated codes). */
    private static String facts(FigureQuery query, String buckets) {
        List<String> where = new ArrayList<>();
        query.region().ifPresent(region -> where.add("region = " + ParquetFiles.literal(region)));
        query.district().ifPresent(district -> where.add("district = " + ParquetFiles.literal(district)));
        return "select * from (" + query.figure().facts(buckets) + ") facts" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    }

    /** Each organization as it registered (its first registration), from {@code {events}}; with its lake_seq. */
    private static final String ORG_PLACE = """
            select subject as org_id, json_extract_string(payload, '$.kind') as kind,
                   json_extract_string(payload, '$.regionCode') as region, json_extract_string(payload, '$.districtCode') as district,
                   json_extract_string(payload, '$.zoneType') as zone_type, json_extract_string(payload, '$.zoneName') as zone_name,
                   json_extract_string(payload, '$.sectors[0]') as sector,
                   json_extract_string(payload, '$.serviceCategories[0]') as category, lake_seq
            from {events} where event_type = 'OrganizationRegistered'
            qualify row_number() over (partition by subject order by lake_seq) = 1""";

    /** Each service request as it was published (its first publication), from {@code {events}}; with its lake_seq. */
    private static final String REQUEST_PUBLISHED = """
            select subject as request_id, json_extract_string(payload, '$.buyerId') as buyer_id,
                   json_extract_string(payload, '$.category') as category,
                   cast(json_extract_string(payload, '$.deadline') as timestamptz) as deadline, lake_seq
            from {events} where event_type = 'RequestPublished'
            qualify row_number() over (partition by subject order by lake_seq) = 1""";

    private static final Map<String, Topic> VIEWS = Map.of("e_organizations", Topic.ORGANIZATIONS, "e_products", Topic.PRODUCTS,
            "e_offers", Topic.OFFERS, "e_requests", Topic.SERVICE_REQUESTS, "e_orders", Topic.ORDERS, "e_contracts", Topic.CONTRACTS,
            "e_disputes", Topic.DISPUTES, "e_red_flags", Topic.RED_FLAGS);

    /** The dimension tables built, newest first per kind, of the lake's one DuckDB (see {@link #dimension}). */
    private static final Map<String, java.util.Deque<String>> DIMENSIONS = new java.util.HashMap<>();

    /**
     * The views every figure reads, and the period's months as buckets (each month's start and end in Tashkent).
     *
     * <p>Every view ends at the period's end (but those a figure reads past it: {@link Figure#beyondPeriod}), and a figure's flow
     * topics ({@link Figure#flows}) begin at its start: the files are ordered by time, so DuckDB reads
     * only the row groups of the period. The dimensions (each organization's place, each request's
     * publication) read every event before the end.
     */
    private static void prepare(Connection duckdb, FigureQuery query) throws SQLException {
        String since = instant(query.from());
        String until = instant(query.to().plusMonths(1));
        boolean snapshot = snapshot(duckdb);
        try (Statement statement = duckdb.createStatement()) {
            for (var view : VIEWS.entrySet()) {
                String period = (query.figure().flows().contains(view.getKey()) ? " and time >= " + since : "")
                        + (query.figure().beyondPeriod().contains(view.getKey()) ? "" : " and time < " + until);
                statement.execute("create or replace temp view " + view.getKey() + " as " + events(view.getValue(),
                        snapshot ? topicEvents(duckdb, view.getValue()) : "lake_event") + period);
            }
            dimensionView(duckdb, "org_place", ORG_PLACE, Topic.ORGANIZATIONS, "org_id");
            dimensionView(duckdb, "request_published", REQUEST_PUBLISHED, Topic.SERVICE_REQUESTS, "request_id");
            statement.execute("create or replace temp table month_buckets (month varchar, starts timestamptz, ends timestamptz)");
            statement.execute("create or replace temp table period_bucket (month varchar, starts timestamptz, ends timestamptz)");
            List<String> months = new ArrayList<>();
            for (YearMonth month = query.from(); !month.isAfter(query.to()); month = month.plusMonths(1)) {
                months.add(bucket(month.toString(), month, month));
            }
            statement.execute("insert into month_buckets values " + String.join(", ", months));
            statement.execute("insert into period_bucket values " + bucket(query.from() + ".." + query.to(), query.from(), query.to()));
        }
    }

    private static String bucket(String label, YearMonth first, YearMonth last) {
        return "(" + ParquetFiles.literal(label) + ", " + instant(first) + ", " + instant(last.plusMonths(1)) + ")";
    }

    /** A month's first moment in Tashkent, as an instant. */
    private static String instant(YearMonth month) {
        return "cast(" + ParquetFiles.literal(month.atDay(1).atStartOfDay(LakeEvent.EVENT_DAY_ZONE).toInstant().toString())
                + " as timestamptz)";
    }

    /** A topic's known events from its own producer, of {@code source} (a view with the lake's columns). */
    private static String events(Topic topic, String source) {
        return "select event_id, event_type, subject, time as happened_at, lake_seq, payload from " + source + " where topic = "
                + ParquetFiles.literal(topic.topicName()) + " and source = " + ParquetFiles.literal(topic.source()) + " and known";
    }

    /**
     * The temporary view {@code name} of a dimension ({@code select}'s rows, keyed by {@code key})
     * over all of {@code topic}'s events. Over a snapshot of the service ({@code snapshot_files},
     * {@link ParquetFiles#lakeEventView}) the sealed files' part is a table of the shared DuckDB
     * built once per set of that topic's files and reused by every query until a seal or a
     * compaction changes them, and the hot rows add what it lacks; otherwise (plain DuckDB over a
     * folder of files) the view computes it.
     */
    private static void dimensionView(Connection duckdb, String name, String select, Topic topic, String key) throws SQLException {
        String columns = "* exclude (lake_seq)";
        try (Statement statement = duckdb.createStatement()) {
            if (!snapshot(duckdb)) {
                statement.execute("create or replace temp view " + name + " as select " + columns + " from ("
                        + select.replace("{events}", "(" + events(topic, "lake_event") + ")") + ")");
                return;
            }
            String sealed = dimension(duckdb, name, topic, select.replace("{events}", "(" + events(topic, "lake_sealed") + ")"));
            statement.execute("create or replace temp view " + name + " as select " + columns + " from " + sealed
                    + " union all select " + columns + " from (" + select.replace("{events}", "(" + events(topic, "lake_hot") + ")")
                    + ") h where not exists (select 1 from " + sealed + " d where d." + key + " = h." + key + ")");
        }
    }

    /** One topic's events of a snapshot: its sealed files' view and its hot rows. */
    private static String topicEvents(Connection duckdb, Topic topic) throws SQLException {
        String sealed = ParquetFiles.topicView(topic.topicName()) + "_sealed";
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(
                "select count(*) from duckdb_views() where temporary and view_name = " + ParquetFiles.literal(sealed))) {
            rows.next();
            return rows.getLong(1) > 0 ? "(select * from " + sealed + " union all select * from lake_hot)" : "lake_hot";
        }
    }

    private static boolean snapshot(Connection duckdb) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(
                "select count(*) from duckdb_tables() where temporary and table_name = 'snapshot_files'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    /**
     * The table (schema main of the shared DuckDB) of {@code select} over the snapshot's files of
     * {@code topic}, named after them: built by the first query that needs it, reused while the
     * files are the same. The two before it are kept for queries still reading them; older ones
     * are dropped.
     */
    private static String dimension(Connection duckdb, String name, Topic topic, String select) throws SQLException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement statement = duckdb.prepareStatement("select path from snapshot_files where topic = ? order by path")) {
            statement.setString(1, topic.topicName());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    digest.update(rows.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
        }
        String table = "main.lake_dim_" + name + "_" + java.util.HexFormat.of().formatHex(digest.digest(), 0, 12);
        synchronized (DIMENSIONS) {
            var built = DIMENSIONS.computeIfAbsent(name, kind -> new java.util.ArrayDeque<>());
            try (Statement statement = duckdb.createStatement()) {
                if (!built.contains(table) || !exists(duckdb, table)) {
                    long started = System.nanoTime();
                    statement.execute("create or replace table " + table + " as " + select);
                    built.remove(table);
                    built.addFirst(table);
                    LOG.debugf("Dimension %s built in %d ms", table, (System.nanoTime() - started) / 1_000_000);
                    while (built.size() > 3) {
                        statement.execute("drop table if exists " + built.removeLast());
                    }
                }
            }
        }
        return table;
    }

    private static boolean exists(Connection duckdb, String table) throws SQLException {
        try (PreparedStatement statement = duckdb.prepareStatement(
                "select count(*) from duckdb_tables() where schema_name = 'main' and table_name = ?")) {
            statement.setString(1, table.substring("main.".length()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** Organizations registered per region (each organization once); one region, or all when empty. */
    public List<RegionCount> organizationsByRegion(Optional<String> region) {
        return lake.query(duckdb -> organizationsByRegion(duckdb, region));
    }

    /** The same figure over the files of a lake folder alone, without the platform's database. */
    public List<RegionCount> organizationsByRegion(Path lakeFolder, Optional<String> region) {
        return lake.queryFolder(lakeFolder, duckdb -> organizationsByRegion(duckdb, region));
    }

    private static List<RegionCount> organizationsByRegion(Connection duckdb, Optional<String> region) throws SQLException {
        try (PreparedStatement statement = duckdb.prepareStatement("""
                select json_extract_string(payload, '$.regionCode') as region_code, count(distinct subject) as organizations
                from lake_event
                where topic = ? and source = ? and known and event_type = 'OrganizationRegistered'
                  and (cast(? as varchar) is null or json_extract_string(payload, '$.regionCode') = ?)
                group by 1
                order by 1""")) {
            statement.setString(1, Topic.ORGANIZATIONS.topicName());
            statement.setString(2, Topic.ORGANIZATIONS.source());
            statement.setString(3, region.orElse(null));
            statement.setString(4, region.orElse(null));
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
