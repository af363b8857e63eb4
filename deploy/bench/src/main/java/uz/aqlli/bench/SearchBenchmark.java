package uz.aqlli.bench;

import static uz.aqlli.bench.BenchPlatform.ms;
import static uz.aqlli.bench.BenchPlatform.percentile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uz.aqlli.launcher.Platform;
import uz.aqlli.catalog.service.ProductFinder;
import uz.aqlli.launcher.PlatformApp;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Product search at scale: starts the platform as {@code ./run} does (own data folder, free
 * ports), loads N products straight into catalog's database, then runs one mix of searches
 * through the gateway and the same statements over JDBC, in one run on one machine.
 *
 * <p>The SQL path runs catalog's own {@code ProductFinder}, the statements its search runs, over
 * JDBC: the difference between the two paths is what HTTP, the gateway, the entities and JSON add.
 * Every query's total and first page are compared between the two paths before anything is timed.
 */
public final class SearchBenchmark {

    private static final int ORGANIZATIONS = 2000;
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 900);
    private static final int MEASURED = Integer.getInteger("bench.measured", 600);
    private static final int CLIENTS = 4;
    private static final int THROUGHPUT_SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final String[] REGIONS = {"1735", "1703", "1706", "1708", "1710", "1712", "1714", "1718", "1722", "1724",
            "1726", "1727", "1730", "1733"};

    /** The mix: what buyers type and click, in both scripts, with a typo, filters, sorts and a deep page. */
    private static final List<String> QUERIES = List.of(
            "q=paxta",
            "q=%D0%BF%D0%B0%D1%85%D1%82%D0%B0", // пахта
            "q=paxta%20ipi",
            "q=sement",
            "q=%D1%85%D0%BB%D0%BE%D0%BF%D0%BA%D0%BE%D0%B2%D0%B0%D1%8F%20%D0%BF%D1%80%D1%8F%D0%B6%D0%B0", // хлопковая пряжа
            "q=to%27qimachlik%20mato", // typo of to'qimachilik
            "q=armatura&regionCode=1712",
            "q=guruch&exportReady=true",
            "sector=CHEMICALS&sort=PRICE_ASC",
            "zoneType=CLUSTER&regionCode=1706",
            "minPrice=1000000&maxPrice=9999999.99&sort=NEWEST",
            "q=atlas&sort=PRICE_DESC",
            "q=transformator&page=5",
            "q=%D0%B3%D0%B8%D1%88%D1%82", // гишт
            "q=paxta%20123", // a model number: few matches, counted exactly
            "q=armatura&regionCode=1712&cluster=Zona%207",
            "");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProductFinder FINDER = new ProductFinder();

    public static void main(String[] args) throws Exception {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path repo = BenchPlatform.repo();
        try (Platform platform = BenchPlatform.start(repo)) {
            Map<String, String> catalog = platform.environment(PlatformApp.CATALOG);
            try (Connection db = BenchPlatform.database(platform, PlatformApp.CATALOG)) {
                long loadStarted = System.nanoTime();
                load(db, products);
                double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
                String gateway = platform.gatewayUrl() + "/api/catalog/products?";
                // The catalog service itself, as the gateway reaches it: splits the HTTP overhead in two.
                String service = BenchPlatform.serviceUrl(platform, PlatformApp.CATALOG) + "/api/catalog/products?";
                if (Boolean.getBoolean("bench.hold")) {
                    // For EXPLAIN by hand: the loaded platform stays up until the process is stopped.
                    System.out.println("bench: holding; database " + catalog.get("QUARKUS_DATASOURCE_JDBC_URL") + " user "
                            + catalog.get("QUARKUS_DATASOURCE_USERNAME") + " password " + catalog.get("QUARKUS_DATASOURCE_PASSWORD")
                            + "; search through the gateway " + gateway + ", straight to catalog " + service);
                    Thread.sleep(Long.MAX_VALUE);
                }
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Map<String, String> matches = checkSameResults(db, http, gateway, service);

                System.out.println("bench: warming up");
                for (int i = 0; i < WARM_UP; i++) {
                    String query = QUERIES.get(i % QUERIES.size());
                    httpSearch(http, gateway, query);
                    httpSearch(http, service, query);
                    sqlSearch(db, query);
                }
                long[] overHttp = new long[MEASURED];
                long[] overService = new long[MEASURED];
                long[] overSql = new long[MEASURED];
                for (int i = 0; i < MEASURED; i++) {
                    String query = QUERIES.get(i % QUERIES.size());
                    long started = System.nanoTime();
                    httpSearch(http, gateway, query);
                    overHttp[i] = System.nanoTime() - started;
                    started = System.nanoTime();
                    httpSearch(http, service, query);
                    overService[i] = System.nanoTime() - started;
                    started = System.nanoTime();
                    sqlSearch(db, query);
                    overSql[i] = System.nanoTime() - started;
                }
                double httpThroughput = throughput(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    return query -> httpSearch(client, gateway, query);
                });
                double sqlThroughput = throughput(() -> {
                    Connection connection = BenchPlatform.database(platform, PlatformApp.CATALOG);
                    return query -> sqlSearch(connection, query);
                });
                String report = report(products, loadSeconds, overHttp, overService, overSql, httpThroughput, sqlThroughput)
                        + perQuery(overHttp, overService, overSql, matches);
                System.out.println(report);
                Files.writeString(repo.resolve("deploy/bench/target/search-benchmark.md"), report);
            }
        }
    }

    // ---- loading -------------------------------------------------------------------------------

    private static void load(Connection db, int products) throws SQLException {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("set maintenance_work_mem = '512MB'");
            String regions = Arrays.stream(REGIONS).map(r -> "'" + r + "'").collect(Collectors.joining(","));
            sql.execute("""
                    insert into organization (id, kind, legal_name, stir, region_code, district_code, status, registered_at,
                        zone_type, zone_name, sectors, contact_phone, contact_email, status_changed_by, status_changed_at)
                    select ('be0c0000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'ENTERPRISE',
                           'Bench korxona ' || g || ' MChJ', (800000000 + g)::text, (array[%1$s])[1 + g %% 14],
                           (array[%1$s])[1 + g %% 14] || '401', 'VERIFIED', now(),
                           (array['CLUSTER', 'SMALL_INDUSTRIAL_ZONE', 'FREE_ECONOMIC_ZONE', 'TECHNOPARK', 'NONE'])[1 + g %% 5],
                           case when g %% 5 = 4 then null else 'Zona ' || (g %% 40) end,
                           array['TEXTILE_AND_GARMENTS'], '+998900000000', 'bench' || g || '@bench.aqlli.uz', 'benchmark', now()
                    from generate_series(1, %2$d) g
                    on conflict do nothing""".formatted(regions, ORGANIZATIONS));
            // Indexes are built once after the load (as a bulk import would), exactly as the migration defines them.
            List<String> indexes = new ArrayList<>();
            ResultSet definitions = sql.executeQuery(
                    "select indexname, indexdef from pg_indexes where tablename = 'product' and indexname <> 'product_pkey'");
            List<String> names = new ArrayList<>();
            while (definitions.next()) {
                names.add(definitions.getString(1));
                indexes.add(definitions.getString(2));
            }
            for (String name : names) {
                sql.execute("drop index " + name);
            }
            db.commit();
            int batch = 100_000;
            for (int from = 1; from <= products; from += batch) {
                int to = Math.min(products, from + batch - 1);
                sql.execute(productInsert(from, to, regions));
                db.commit();
                System.out.printf(Locale.ROOT, "bench: %,d products loaded%n", to);
            }
            for (String index : indexes) {
                System.out.println("bench: " + index);
                sql.execute(index);
                db.commit();
            }
            sql.execute("analyze product");
            sql.execute("analyze organization");
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static String productInsert(int from, int to, String regions) {
        return """
                insert into product (id, enterprise_id, status, name, description, sector, hs_code, unit, price_uzs, price_tiers,
                    min_order_quantity, monthly_capacity, lead_time_days, export_ready, certifications, region_code, zone_type,
                    zone_name, version, created_at, updated_at, published_at)
                select ('be0c0001-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
                       ('be0c0000-0000-4000-8000-' || lpad((1 + g %% %3$d)::text, 12, '0'))::uuid,
                       'PUBLISHED',
                       jsonb_build_object(case g %% 3 when 0 then 'uz-Latn' when 1 then 'uz-Cyrl' else 'ru' end,
                           (case g %% 3 when 0 then latin[1 + g %% 20] when 1 then cyrillic[1 + g %% 20] else russian[1 + g %% 20] end)
                           || ' ' || (array['oliy nav', 'eksport uchun', '1-nav', 'premium', 'standart', 'qadoqlangan'])[1 + g %% 6]
                           || ' ' || (g %% 997)),
                       jsonb_build_object('uz-Latn', latin[1 + (g / 7) %% 20] || ' va ' || latin[1 + (g / 13) %% 20]
                           || ' ishlab chiqaruvchisi, ' || (array[%4$s])[1 + (1 + g %% %3$d) %% 14] || ' hududi',
                           'ru', russian[1 + (g / 7) %% 20] || ' от производителя'),
                       (array['TEXTILE_AND_GARMENTS', 'AGRO_FOOD_PROCESSING', 'CHEMICALS', 'BUILDING_MATERIALS', 'METALLURGY',
                              'MACHINE_BUILDING', 'ELECTROTECHNICAL', 'LEATHER_AND_FOOTWEAR', 'PHARMA', 'IT'])[1 + g %% 10],
                       '5205' || lpad((g %% 100)::text, 2, '0'), 'KILOGRAM',
                       round((1000 + (g::bigint * 7919) %% 500000000)::numeric / 100, 2) * 100,
                       '[]'::jsonb, 10, 100000, 1 + g %% 60, g %% 2 = 0, array['ISO 9001'],
                       (array[%4$s])[1 + (1 + g %% %3$d) %% 14],
                       (array['CLUSTER', 'SMALL_INDUSTRIAL_ZONE', 'FREE_ECONOMIC_ZONE', 'TECHNOPARK', 'NONE'])[1 + (1 + g %% %3$d) %% 5],
                       case when (1 + g %% %3$d) %% 5 = 4 then null else 'Zona ' || ((1 + g %% %3$d) %% 40) end,
                       0, now() - (g %% 1000) * interval '1 hour', now(), now() - (g %% 1000) * interval '1 hour'
                from generate_series(%1$d, %2$d) g,
                     (select array['paxta ipi', 'trikotaj mato', 'denim mato', 'atlas', 'quritilgan o''rik', 'tomat pastasi',
                                   'sement', 'g''isht', 'armatura', 'transformator', 'kultivator', 'guruch', 'charm poyabzal',
                                   'gipsokarton', 'ammiakli selitra', 'polivinilxlorid', 'mineral paxta', 'olma sharbati',
                                   'futbolka', 'to''qimachilik ehtiyot qismlari'] as latin,
                             array['пахта ипи', 'трикотаж мато', 'деним мато', 'атлас', 'қуритилган ўрик', 'томат пастаси',
                                   'цемент', 'ғишт', 'арматура', 'трансформатор', 'культиватор', 'гуруч', 'чарм пойабзал',
                                   'гипсокартон', 'аммиакли селитра', 'поливинилхлорид', 'минерал пахта', 'олма шарбати',
                                   'футболка', 'тўқимачилик эҳтиёт қисмлари'] as cyrillic,
                             array['хлопковая пряжа', 'трикотажное полотно', 'деним', 'атлас', 'курага', 'томатная паста',
                                   'цемент', 'кирпич', 'арматура', 'трансформатор', 'культиватор', 'рис', 'кожаная обувь',
                                   'гипсокартон', 'аммиачная селитра', 'поливинилхлорид', 'минеральная вата', 'яблочный сок',
                                   'футболка', 'запчасти для текстильных станков'] as russian) words
                on conflict do nothing""".formatted(from, to, ORGANIZATIONS, regions);
    }

    // ---- one search, two ways --------------------------------------------------------------------

    /**
     * One search over HTTP ({@code products} is the gateway's or the service's search URL), answered
     * when the whole body has arrived. The body is read by {@link #summary} only outside the timed
     * paths: parsing it is the client's work, as turning rows into objects is on the SQL path.
     */
    private static String httpSearch(HttpClient http, String products, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(products + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(query + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Total, exactness and the page's ids of a search's JSON answer. */
    private static String summary(String answer) throws IOException {
        JsonNode body = JSON.readTree(answer);
        List<String> ids = new ArrayList<>();
        body.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return body.path("total").asLong() + " " + body.path("exact").asBoolean() + " " + ids;
    }

    /**
     * The same search as catalog's ProductSearch, by the very code it runs ({@link ProductFinder}),
     * over plain JDBC: the total, whether it is exact, and the page's ids.
     */
    private static String sqlSearch(Connection db, String query) throws SQLException {
        Map<String, String> parameters = parse(query);
        var filter = new ProductFinder.Filter(parameters.get("q"), parameters.get("regionCode"),
                parameters.containsKey("zoneType") ? ZoneType.valueOf(parameters.get("zoneType")) : null,
                parameters.get("cluster"), parameters.containsKey("sector") ? Sector.valueOf(parameters.get("sector")) : null,
                parameters.containsKey("exportReady") ? Boolean.valueOf(parameters.get("exportReady")) : null,
                parameters.containsKey("minPrice") ? new BigDecimal(parameters.get("minPrice")) : null,
                parameters.containsKey("maxPrice") ? new BigDecimal(parameters.get("maxPrice")) : null);
        var sort = ProductFinder.Sort.valueOf(parameters.getOrDefault("sort", "RELEVANCE"));
        int size = Integer.parseInt(parameters.getOrDefault("size", "20"));
        int page = Integer.parseInt(parameters.getOrDefault("page", "0"));
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            ProductFinder.Found found = FINDER.find(db, filter, sort, page, size);
            db.commit();
            return found.total() + " " + found.exact() + " " + found.ids();
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static Map<String, String> checkSameResults(Connection db, HttpClient http, String gateway, String service)
            throws Exception {
        Map<String, String> matches = new LinkedHashMap<>();
        for (String query : QUERIES) {
            String overHttp = summary(httpSearch(http, gateway, query));
            String overService = summary(httpSearch(http, service, query));
            String overSql = sqlSearch(db, query);
            if (!overHttp.equals(overSql) || !overService.equals(overSql)) {
                throw new IllegalStateException("'" + query + "' differs: gateway " + overHttp + ", catalog " + overService
                        + ", SQL " + overSql + ". The HTTP paths and catalog's ProductFinder over JDBC disagree.");
            }
            String[] parts = overHttp.split(" ", 3);
            String label = (Boolean.parseBoolean(parts[1]) ? "" : "≈ ") + String.format(Locale.ROOT, "%,d", Long.parseLong(parts[0]));
            System.out.println("bench: '" + query + "' -> " + label + " matches");
            matches.put(query, label);
        }
        return matches;
    }

    /** Median per query of the mix: which kinds of search cost what. */
    private static String perQuery(long[] overHttp, long[] overService, long[] overSql, Map<String, String> matches) {
        StringBuilder table = new StringBuilder("""

                | query | matches | p50 gateway | p50 catalog | p50 SQL |
                | --- | --- | --- | --- | --- |
                """);
        for (int q = 0; q < QUERIES.size(); q++) {
            String query = java.net.URLDecoder.decode(QUERIES.get(q), StandardCharsets.UTF_8);
            table.append("| `").append(query.isEmpty() ? "(everything)" : query).append("` | ")
                    .append(matches.get(QUERIES.get(q))).append(" | ")
                    .append(ms(percentile(ofQuery(overHttp, q), 50))).append(" | ")
                    .append(ms(percentile(ofQuery(overService, q), 50))).append(" | ")
                    .append(ms(percentile(ofQuery(overSql, q), 50))).append(" |\n");
        }
        return table.toString();
    }

    /** The samples of the mix's {@code q}th query (the mix runs in turn). */
    private static long[] ofQuery(long[] samples, int q) {
        List<Long> of = new ArrayList<>();
        for (int i = q; i < samples.length; i += QUERIES.size()) {
            of.add(samples[i]);
        }
        return of.stream().mapToLong(Long::longValue).toArray();
    }

    // ---- measuring -------------------------------------------------------------------------------

    interface Search {
        String run(String query) throws Exception;
    }

    interface SearchFactory {
        Search create() throws Exception;
    }

    private static double throughput(SearchFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            clients.add(pool.submit(() -> {
                Search search = factory.create();
                long done = 0;
                while (!stop.get()) {
                    search.run(QUERIES.get((int) ((done + offset) % QUERIES.size())));
                    done++;
                }
                return done;
            }));
        }
        long started = System.nanoTime();
        Thread.sleep(THROUGHPUT_SECONDS * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> client : clients) {
            total += client.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - started) / 1e9);
    }

    private static String report(int products, double loadSeconds, long[] overHttp, long[] overService, long[] overSql,
                                 double httpThroughput, double sqlThroughput) {
        long[] overhead = difference(overHttp, overSql);
        long[] gatewayHop = difference(overHttp, overService);
        long[] serviceOverSql = difference(overService, overSql);
        StringBuilder rows = new StringBuilder();
        for (int percent : new int[] {50, 95, 99}) {
            rows.append("| p%d | %s | %s | %s | %s | %s + %s |\n".formatted(percent, ms(percentile(overHttp, percent)),
                    ms(percentile(overService, percent)), ms(percentile(overSql, percent)), ms(percentile(overhead, percent)),
                    ms(percentile(gatewayHop, percent)), ms(percentile(serviceOverSql, percent))));
        }
        Runtime runtime = Runtime.getRuntime();
        return """
                | measure | through the gateway | straight to catalog | SQL on the database | HTTP overhead | gateway + catalog |
                | --- | --- | --- | --- | --- | --- |
                %s| throughput (%d clients, %d s) | %.0f searches/s | | %.0f searches/s | | |

                %,d products, %d enterprises; loaded and indexed in %.0f s. %d searches measured per path
                (after %d warm-up), one client, the mix of %d queries in turn; each search of the mix goes through
                the gateway, then straight to catalog, then as SQL, one after the other. The overhead columns are
                percentiles of the per-search differences. Machine: %d cores, JDK %s.
                """.formatted(rows,
                CLIENTS, THROUGHPUT_SECONDS, httpThroughput, sqlThroughput,
                products, ORGANIZATIONS, loadSeconds, MEASURED, WARM_UP, QUERIES.size(), runtime.availableProcessors(),
                Runtime.version());
    }

    private static long[] difference(long[] minuend, long[] subtrahend) {
        long[] difference = new long[minuend.length];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = minuend[i] - subtrahend[i];
        }
        return difference;
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
