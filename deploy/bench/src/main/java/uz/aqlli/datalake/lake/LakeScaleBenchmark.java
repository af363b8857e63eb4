package uz.aqlli.datalake.lake;

import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The lake at scale (issue 14, docs/benchmarks.md): writes N realistic events straight into a lake
 * folder in the layout compaction leaves (one zstd Parquet file per topic and month, Hive folders
 * {@code topic=…/month=…}, rows by time), then times every figure of {@link Figure}, by several
 * groupings, through the service's query path (its {@code lake_event} view over the files by topic
 * and an empty hot table, its figure SQL {@link LakeFigures#table} with its dimension tables, on the
 * service's own {@link LakeEngine}) and the same figure SQL by plain DuckDB over one compacted Parquet
 * file of the same events (the same memory limit and threads: the same share of the machine),
 * alternating, in one run.
 *
 * <p>In the lake's package, to run the service's own (package-private) figure code, not a copy.
 */
public final class LakeScaleBenchmark {

    private static final List<String> REGIONS = List.of("1703", "1706", "1708", "1710", "1712", "1714", "1718", "1722", "1724",
            "1726", "1727", "1730", "1733", "1735");

    private LakeScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 10_000_000L);
        int runs = Integer.getInteger("bench.runs", 20);
        int warmUp = Integer.getInteger("bench.warmUp", 2);
        Path home = Path.of(System.getProperty("bench.home", "deploy/bench/target/lake-bench")).toAbsolutePath();
        String memoryLimit = System.getProperty("bench.memoryLimit", "512MB");
        int threads = Integer.getInteger("bench.threads", 2);
        Path lake = home.resolve("lake");
        Path compacted = home.resolve("compacted.parquet");
        if (!Boolean.getBoolean("bench.reuse") || !Files.isDirectory(lake)) {
            deleteTree(home);
            Files.createDirectories(lake);
            long started = System.nanoTime();
            generate(lake, compacted, events);
            System.out.printf("generated %,d events in %d s%n", events, (System.nanoTime() - started) / 1_000_000_000);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(lake)) {
            files = walk.filter(file -> file.toString().endsWith(".parquet")).sorted().toList();
        }
        long lakeBytes = files.stream().mapToLong(LakeScaleBenchmark::size).sum();
        try (DuckDBConnection duckdb = open(null, threads); Statement statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from read_parquet(" + ParquetFiles.literal(compacted.toString()) + ")")) {
            rows.next();
            events = rows.getLong(1); // the generator drops what its lifecycles push past the last month
        }
        System.out.printf("lake: %,d files, %,d bytes, %.1f bytes per event; one compacted file: %,d bytes, %.1f bytes per event%n",
                files.size(), lakeBytes, (double) lakeBytes / events, size(compacted), (double) size(compacted) / events);

        YearMonth last = YearMonth.of(2026, 11);
        List<FigureQuery> queries = new ArrayList<>();
        String only = System.getProperty("bench.only", "");
        for (Figure figure : Figure.values()) {
            if (!figure.apiName().startsWith(only)) {
                continue;
            }
            queries.add(new FigureQuery(figure, last.minusMonths(11), last, Optional.empty(), Optional.empty(), FigureQuery.GroupBy.MONTH));
            queries.add(new FigureQuery(figure, last.minusMonths(11), last, Optional.empty(), Optional.empty(), FigureQuery.GroupBy.REGION));
            queries.add(new FigureQuery(figure, last.minusMonths(2), last, Optional.of("1706"), Optional.empty(), FigureQuery.GroupBy.DISTRICT));
            queries.add(new FigureQuery(figure, last.minusMonths(2), last, Optional.of("1718"), Optional.empty(), FigureQuery.GroupBy.ZONE));
        }
        Map<String, List<String>> service = LakeSnapshots.filesByTopic(lake);
        LakeEngine engine = new LakeEngine(config(memoryLimit, threads));
        try (DuckDBConnection bounded = engine.connection(); DuckDBConnection plain = open(memoryLimit, threads)) {
            System.out.printf("%-34s %9s %9s %9s %9s %7s%n", "query", "svc p50", "svc p95", "duck p50", "duck p95", "ratio");
            Map<String, long[]> all = new LinkedHashMap<>();
            for (FigureQuery query : queries) {
                long[] ours = new long[runs];
                long[] duck = new long[runs];
                String label = query.figure().apiName() + " by " + query.groupBy().apiName() + query.region().map(r -> " " + r).orElse("");
                for (int run = -warmUp; run < runs; run++) {
                    long a = time(bounded, service, query, true);
                    long b = time(plain, ParquetFiles.literal(compacted.toString()), query, false);
                    if (run >= 0) {
                        ours[run] = a;
                        duck[run] = b;
                    }
                }
                Arrays.sort(ours);
                Arrays.sort(duck);
                System.out.printf("%-34s %7.1f ms %7.1f ms %7.1f ms %7.1f ms %6.2fx  (%s so far)%n", label, ms(pct(ours, 50)), ms(pct(ours, 95)),
                        ms(pct(duck, 50)), ms(pct(duck, 95)), (double) pct(ours, 95) / pct(duck, 95), peakRss());
                all.put(label, new long[]{pct(ours, 95), pct(duck, 95)});
            }
            long worst = all.values().stream().mapToLong(v -> v[0]).max().orElse(0);
            double worstRatio = all.values().stream().mapToDouble(v -> (double) v[0] / v[1]).max().orElse(0);
            System.out.printf("worst service p95 %.1f ms; worst p95 ratio %.2fx; peak RSS of this process (VmHWM) %s%n", ms(worst), worstRatio,
                    peakRss());
        }
        engine.close();
    }

    /** The service's settings of its DuckDB, as the benchmark's properties give them. */
    private static LakeConfig config(String memoryLimit, int threads) {
        return new LakeConfig() {
            public Path lakePath() { return Path.of("unused"); }
            public String sealEvery() { return "off"; }
            public int sealMaxEvents() { return 200_000; }
            public String compactEvery() { return "off"; }
            public int compactAtFiles() { return 8; }
            public java.time.Duration removedFilesKept() { return java.time.Duration.ofMinutes(5); }
            public String duckdbMemoryLimit() { return memoryLimit; }
            public int rebuildBatchEvents() { return 50_000; }
            public int duckdbThreads() { return threads; }
        };
    }

    /** One figure's table through the service's view and figure code; the nanoseconds it took. */
    private static long time(DuckDBConnection database, Object source, FigureQuery query, boolean serviceView) throws SQLException {
        try (DuckDBConnection duckdb = database.duplicate()) {
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("set TimeZone = 'UTC'");
            }
            long started = System.nanoTime();
            if (serviceView) {
                ParquetFiles.load(duckdb, "hot", List.of());
                @SuppressWarnings("unchecked")
                Map<String, List<String>> files = (Map<String, List<String>>) source;
                ParquetFiles.lakeEventView(duckdb, files);
            } else {
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("create temp view lake_event as select * from read_parquet(" + source + ")");
                }
            }
            FigureTable table = LakeFigures.table(duckdb, query);
            if (table.totals() == null) {
                throw new IllegalStateException("no totals");
            }
            return System.nanoTime() - started;
        }
    }

    private static DuckDBConnection open(String memoryLimit, int threads) throws SQLException {
        DuckDBConnection duckdb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            if (memoryLimit != null) {
                statement.execute("set memory_limit = " + ParquetFiles.literal(memoryLimit));
            }
            if (Boolean.parseBoolean(System.getProperty("bench.metadataCache", "false"))) {
                statement.execute("set parquet_metadata_cache = true");
            }
            statement.execute("set threads = " + threads);
        }
        return duckdb;
    }

    /**
     * The market's five years in DuckDB SQL: organizations (registered, most verified), products and
     * offers (published, updated, some withdrawn), service requests (published, bids, some withdrawn,
     * awarded or unsuccessful or cancelled), orders (placed, mostly completed), contracts (created,
     * signed, milestones accepted or overdue, payments, completed or terminated) and disputes (opened,
     * settled or decided), in the payloads' shapes the producers write.
     */
    private static void generate(Path lake, Path compacted, long total) throws SQLException {
        try (DuckDBConnection duckdb = open("3GB", 2); Statement sql = duckdb.createStatement()) {
            sql.execute("set preserve_insertion_order = false");
            sql.execute("set temp_directory = " + ParquetFiles.literal(lake.getParent().resolve("tmp").toString()));
            long orgs = Math.max(200, total / 60);
            sql.execute("create macro region_of(i) as " + REGIONS.stream().map(ParquetFiles::literal)
                    .collect(Collectors.joining(", ", "[", "]")) + "[(i % 14) + 1]");
            sql.execute("create macro district_of(i) as region_of(i) || lpad(cast(200 + (i // 14) % 12 as varchar), 3, '0')");
            sql.execute("create macro zone_type_of(i) as ['FREE_ECONOMIC', 'SMALL_INDUSTRIAL', 'TECHNOPARK', 'INDUSTRIAL_CLUSTER', 'NONE'][(i % 5) + 1]");
            sql.execute("create macro zone_name_of(i) as region_of(i) || ' zone ' || ((i // 70) % 3)");
            sql.execute("create macro kind_of(i) as case when i % 4 = 0 then 'PROVIDER' else 'ENTERPRISE' end");
            sql.execute("create macro sector_of(i) as ['TEXTILES', 'FOOD', 'CONSTRUCTION', 'CHEMICALS', 'MACHINERY', 'ELECTRONICS'][(i % 6) + 1]");
            sql.execute("create macro category_of(i) as ['IT', 'LOGISTICS', 'ACCOUNTING', 'LEGAL', 'MARKETING', 'ENGINEERING', 'CERTIFICATION'][(i % 7) + 1]");
            sql.execute("create macro party(i) as {'organizationId': 'org-' || i, 'regionCode': region_of(i), 'districtCode': district_of(i), "
                    + "'zoneType': zone_type_of(i), 'zoneName': zone_name_of(i)}");
            // The market grows: more of everything in later years (the square root of a uniform draw).
            sql.execute("create macro born(i, n) as timestamptz '2022-01-01 00:00:00+05' + "
                    + "to_seconds(cast(157000000 * sqrt(cast(hash(i) % 1000000 as double) / 1000000) as bigint))");
            sql.execute("create macro pick(i, n) as cast(4 * (hash(i * 7919) % (n // 4)) + 1 as bigint)"); // an enterprise (kind_of)
            sql.execute("create macro pickp(i, n) as cast(4 * (hash(i * 104729) % (n // 4)) as bigint)"); // a provider
            String entities = """
                    create or replace table ev as
                    with org as (select i, born(i, {N}) as t from range({N}) r(i))
                    select 'aqlli.catalog.organizations' as topic, '/aqlli/catalog' as source, e.type as event_type, 'org-' || i as subject,
                           t + to_seconds(e.d) as time, e.payload
                    from org, unnest([
                        {'type': 'OrganizationRegistered', 'd': 0, 'payload': to_json({'organizationId': 'org-' || i, 'kind': kind_of(i),
                          'regionCode': region_of(i), 'districtCode': district_of(i), 'zoneType': zone_type_of(i), 'zoneName': zone_name_of(i),
                          'sectors': [sector_of(i)], 'serviceCategories': case when kind_of(i) = 'PROVIDER' then [category_of(i)] else [] end,
                          'status': 'PENDING', 'name': 'Korxona ' || i})::varchar},
                        {'type': 'OrganizationVerified', 'd': 86400 * (1 + i % 9), 'payload': to_json({'organizationId': 'org-' || i,
                          'status': 'VERIFIED'})::varchar}]) u(e)
                    where e.type = 'OrganizationRegistered' or i % 10 <> 0
                    """.replace("{N}", String.valueOf(orgs));
            sql.execute(entities);
            long products = total * 12 / 100 / 2;
            sql.execute(("""
                    insert into ev
                    with p as (select i, pick(i, {ORGS}) as o, born(i, {N}) + interval 20 day as t from range({N}) r(i))
                    select 'aqlli.catalog.products', '/aqlli/catalog', e.type, 'product-' || i, t + to_seconds(e.d), e.payload
                    from p, unnest([
                        {'type': 'ProductPublished', 'd': 0, 'payload': to_json({'productId': 'product-' || i, 'enterpriseId': 'org-' || o,
                          'regionCode': region_of(o), 'sector': sector_of(o), 'name': 'Mahsulot ' || i, 'priceUzs': 10000 + i % 900000})::varchar},
                        {'type': case when i % 5 = 0 then 'ProductWithdrawn' else 'ProductUpdated' end, 'd': 86400 * (3 + i % 200),
                          'payload': to_json({'productId': 'product-' || i, 'enterpriseId': 'org-' || o, 'regionCode': region_of(o),
                          'sector': sector_of(o), 'priceUzs': 12000 + i % 900000})::varchar}]) u(e)
                    """).replace("{N}", String.valueOf(products)).replace("{ORGS}", String.valueOf(orgs)));
            long offers = total * 6 / 100 / 2;
            sql.execute(("""
                    insert into ev
                    with p as (select i, pickp(i, {ORGS}) as o, born(i, {N}) + interval 20 day as t from range({N}) r(i))
                    select 'aqlli.offers.offers', '/aqlli/offers', e.type, 'offer-' || i, t + to_seconds(e.d), e.payload
                    from p, unnest([
                        {'type': 'OfferPublished', 'd': 0, 'payload': to_json({'offerId': 'offer-' || i, 'providerId': 'org-' || o,
                          'category': category_of(o), 'priceUzs': 500000 + i % 9000000})::varchar},
                        {'type': case when i % 6 = 0 then 'OfferWithdrawn' else 'OfferUpdated' end, 'd': 86400 * (5 + i % 300),
                          'payload': to_json({'offerId': 'offer-' || i, 'providerId': 'org-' || o, 'category': category_of(o)})::varchar}]) u(e)
                    """).replace("{N}", String.valueOf(offers)).replace("{ORGS}", String.valueOf(orgs)));
            long requests = total * 30 / 100 / 7;
            sql.execute(("""
                    insert into ev
                    with q as (select i, pick(i, {ORGS}) as o, born(i, {N}) + interval 30 day as t, 1 + i % 6 as bids from range({N}) r(i))
                    select 'aqlli.offers.service-requests', '/aqlli/offers', e.type, 'request-' || i, t + to_seconds(e.d), e.payload
                    from q, unnest(
                        [{'type': 'RequestPublished', 'd': 0, 'payload': to_json({'requestId': 'request-' || i, 'buyerId': 'org-' || o,
                          'category': category_of(i), 'deadline': strftime(t + interval 14 day, '%Y-%m-%dT%H:%M:%S%z'),
                          'budgetVisible': false})::varchar}]
                        || list_transform(range(bids), lambda b: {'type': 'BidSubmitted', 'd': 3600 * (1 + b * 20),
                          'payload': to_json({'requestId': 'request-' || i, 'bidId': 'bid-' || i || '-' || b})::varchar})
                        || case when i % 9 = 0 then [{'type': 'BidWithdrawn', 'd': 86400 * 10,
                          'payload': to_json({'requestId': 'request-' || i, 'bidId': 'bid-' || i || '-0'})::varchar}] else [] end
                        || [{'type': case when i % 17 = 0 then 'RequestCancelled' when i % 11 = 0 then 'RequestUnsuccessful' else 'RequestAwarded' end,
                          'd': 86400 * 14 + 3600 * (2 + i % 300), 'payload': to_json({'requestId': 'request-' || i})::varchar}]) u(e)
                    """).replace("{N}", String.valueOf(requests)).replace("{ORGS}", String.valueOf(orgs)));
            long orders = total * 22 / 100 / 2;
            sql.execute(("""
                    insert into ev
                    with x as (select i, pick(i, {ORGS}) as b, case when i % 3 = 0 then pickp(i, {ORGS}) else pick(i + 1, {ORGS}) end as s,
                                      born(i, {N}) + interval 40 day as t from range({N}) r(i))
                    select 'aqlli.orders.orders', '/aqlli/orders', e.type, 'order-' || i, t + to_seconds(e.d), e.payload
                    from x, unnest([
                        {'type': 'OrderPlaced', 'd': 0}, {'type': 'OrderCompleted', 'd': 86400 * (2 + i % 20)}]) u(e0),
                        lateral (select {'type': e0.type, 'd': e0.d, 'payload': to_json({'order': {'orderId': 'order-' || i,
                          'kind': case when i % 3 = 0 then 'SERVICE' else 'PRODUCT' end, 'buyer': party(b), 'seller': party(s),
                          'sector': sector_of(b), 'serviceCategory': case when i % 3 = 0 then category_of(s) end,
                          'amountUzs': cast(100000 + (hash(i) % 50000000) as varchar) || '.00'}})::varchar} as e)
                    where e.type = 'OrderPlaced' or i % 8 <> 0
                    """).replace("{N}", String.valueOf(orders)).replace("{ORGS}", String.valueOf(orgs)));
            long contracts = total * 28 / 100 / 9;
            sql.execute(("""
                    insert into ev
                    with c as (select i, pick(i, {ORGS}) as b, pickp(i, {ORGS}) as s, born(i, {N}) + interval 50 day as t,
                                      cast(1000000 + (hash(i) % 900000000) as varchar) || '.00' as v from range({N}) r(i))
                    select 'aqlli.orders.contracts', '/aqlli/orders', e.type, 'contract-' || i, t + to_seconds(e.d),
                           to_json({'contract': {'contractId': 'contract-' || i, 'category': category_of(s), 'valueUzs': v,
                                    'buyer': party(b), 'supplier': party(s)},
                                    'dateSigned': case when e.type = 'ContractSigned' then strftime(t + to_seconds(e.d), '%Y-%m-%d') end,
                                    'valueInForceUzs': v,
                                    'acceptedAmountUzs': case when e.type = 'MilestoneAccepted' then cast(cast(v as decimal(20, 2)) / 3 as decimal(20, 2)) end,
                                    'amountUzs': case when e.type = 'PaymentRecorded' then cast(cast(v as decimal(20, 2)) / 3 as decimal(20, 2)) end})::varchar
                    from c, unnest(
                        [{'type': 'ContractCreated', 'd': 0}, {'type': 'ContractSigned', 'd': 86400}]
                        || list_transform(range(3), lambda m: {'type': case when (i + m) % 13 = 0 then 'MilestoneOverdue' else 'MilestoneAccepted' end,
                               'd': 86400 * (20 + 30 * m)})
                        || list_transform(range(2), lambda m: {'type': 'PaymentRecorded', 'd': 86400 * (25 + 45 * m)})
                        || [{'type': case when i % 19 = 0 then 'ContractTerminated' else 'ContractCompleted' end, 'd': 86400 * 100}]) u(e)
                    """).replace("{N}", String.valueOf(contracts)).replace("{ORGS}", String.valueOf(orgs)));
            long disputes = total * 2 / 100 / 2;
            sql.execute(("""
                    insert into ev
                    with d as (select i, pick(i, {ORGS}) as b, born(i, {N}) + interval 90 day as t from range({N}) r(i))
                    select 'aqlli.orders.disputes', '/aqlli/orders', e.type, 'dispute-' || i, t + to_seconds(e.d),
                           to_json({'dispute': {'disputeId': 'dispute-' || i, 'buyer': party(b), 'sector': sector_of(b), 'category': category_of(i)},
                                    'outcome': case when e.type = 'DisputeResolved' then ['ACCEPT', 'PARTIAL_AMOUNT', 'REDO', 'CANCEL'][(i % 4) + 1] end})::varchar
                    from d, unnest([{'type': 'DisputeOpened', 'd': 0},
                                    {'type': case when i % 2 = 0 then 'DisputeSettled' else 'DisputeResolved' end, 'd': 86400 * (3 + i % 30)}]) u(e)
                    """).replace("{N}", String.valueOf(disputes)).replace("{ORGS}", String.valueOf(orgs)));
            sql.execute("delete from ev where time >= timestamptz '2026-12-01 00:00:00+05'");
            sql.execute("""
                    create or replace table lake_rows as
                    select row_number() over (order by time) as lake_seq, cast(uuid() as varchar) as event_id, event_type, source, subject, time,
                           cast(hash(subject) % 6 as integer) as kafka_partition, row_number() over (order by time) as kafka_offset,
                           payload, true as known, time + interval 40 millisecond as received_at, topic,
                           cast(timezone('Asia/Tashkent', time) as date) as date
                    from ev""");
            sql.execute("drop table ev");
            try (ResultSet rows = sql.executeQuery("select count(*) from lake_rows")) {
                rows.next();
                System.out.printf("%,d events generated%n", rows.getLong(1));
            }
            // What compaction leaves: a file per topic and month, its rows by time (here, whole months at once).
            sql.execute("set preserve_insertion_order = true");
            sql.execute("copy (select " + ParquetFiles.COLUMNS + ", topic, strftime(date, '%Y-%m') as month from lake_rows "
                    + "order by topic, month, time, lake_seq) to "
                    + ParquetFiles.literal(lake.toString()) + " (format parquet, compression zstd, partition_by (topic, month), "
                    + "filename_pattern 'compacted-{i}', per_thread_output false)");
            sql.execute("copy (select " + ParquetFiles.COLUMNS + ", topic from lake_rows order by lake_seq) to "
                    + ParquetFiles.literal(compacted.toString()) + " (format parquet, compression zstd)");
        }
    }

    private static long pct(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String peakRss() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM"))
                .map(line -> line.replaceAll("\\s+", " ")).findFirst().orElse("unknown");
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
