package uz.aqlli.bench;

import static uz.aqlli.bench.BenchPlatform.ms;
import static uz.aqlli.bench.BenchPlatform.passwordGrant;
import static uz.aqlli.bench.BenchPlatform.percentile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import uz.aqlli.launcher.KeycloakServer;
import uz.aqlli.launcher.Platform;
import uz.aqlli.launcher.PlatformApp;
import uz.aqlli.launcher.Secrets;
import uz.aqlli.platform.events.OrderFacts;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.OrderPlaced;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.OrganizationVerified;
import uz.aqlli.platform.events.ProductPublished;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.PlatformEvents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Order placement: the same placements through the gateway (real tokens of several buyers, a fresh
 * {@code Idempotency-Key} each) and as the rows the orders service writes, by plain JDBC in one
 * transaction each, at the same concurrency, in one run on one machine.
 *
 * <p>The market exists in orders as it does in production: its copies are fed by catalog's real
 * event records put on {@code aqlli.catalog.organizations} and {@code aqlli.catalog.products}, and the
 * buyers are Keycloak users acting for their organization. Afterwards every gateway placement is
 * checked to have made exactly one order, its lines and one outbox row.
 */
public final class OrderBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    /**
     * Placements per path before the measured ones. JFR still saw C2 compiling in orders after 15,000
     * placements with 3,000 of warm-up, so each path gets 6,000: a service measured while its JIT still
     * compiles pays for its start, not for a placement.
     */
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 6000);
    private static final int MEASURED = Integer.getInteger("bench.measured", 5000);
    /** Placements straight to orders (no gateway) and under the profiler: enough for their shares, not a figure of their own. */
    private static final int SIDE_RUN = Integer.getInteger("bench.sideRun", 2000);
    private static final int SELLERS = 4;
    private static final int PRODUCTS_PER_SELLER = 25;
    private static final int BUYER_ORGANIZATIONS = 8;
    private static final int USERS_PER_BUYER = 2;
    private static final String PASSWORD = "Bench-Parol-2026";
    private static final ZoneId UZBEKISTAN = ZoneId.of("Asia/Tashkent");
    private static final List<String> REGIONS = List.of("1726", "1703", "1706", "1708", "1710", "1712", "1714", "1718", "1722",
            "1724", "1727", "1730", "1733", "1735");
    private static final List<String> PRODUCT_WORDS = List.of("paxta ipi", "trikotaj mato", "denim mato", "sement", "armatura",
            "g'isht", "tomat pastasi", "guruch", "charm poyabzal", "transformator");

    private static final String BENCHMARK = "benchmark (clients)";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Organization(UUID id, String regionCode, String districtCode) {
    }

    record Product(UUID id, Organization seller, Map<String, String> name, String sector, String unit, String ikpuCode,
                   BigDecimal price, List<ProductPublished.Tier> tiers, BigDecimal minimum) {

        /** orders' price rule: the highest tier the quantity reaches, the listed price below the first. */
        BigDecimal unitPriceFor(BigDecimal quantity) {
            BigDecimal unitPrice = price;
            for (ProductPublished.Tier tier : tiers) {
                if (quantity.compareTo(tier.minQuantity()) >= 0) {
                    unitPrice = tier.priceUzs();
                }
            }
            return unitPrice;
        }
    }

    /** One buyer user: signs in again before the realm's five-minute token runs out. */
    static final class Buyer {
        final String username;
        final Organization organization;
        private final String realmUrl;
        private final HttpClient http = HttpClient.newHttpClient();
        private String token;
        private String subject;
        private Instant signedInAt = Instant.EPOCH;

        Buyer(String username, Organization organization, String realmUrl) {
            this.username = username;
            this.organization = organization;
            this.realmUrl = realmUrl;
        }

        synchronized String token() throws Exception {
            if (Duration.between(signedInAt, Instant.now()).toSeconds() > 200) {
                token = passwordGrant(http, realmUrl, "aqlli-web", username, PASSWORD);
                subject = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
                signedInAt = Instant.now();
            }
            return token;
        }

        synchronized String subject() throws Exception {
            token();
            return subject;
        }
    }

    /** One placement as a buyer asks for it: 1–3 products of one seller. */
    record Placement(Buyer buyer, List<Product> products, List<BigDecimal> quantities, String address, LocalDate wantedBy) {

        String body() throws Exception {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                items.add(Map.of("productId", products.get(i).id(), "quantity", quantities.get(i)));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", items);
            body.put("delivery", Map.of("regionCode", buyer.organization.regionCode(), "districtCode",
                    buyer.organization.districtCode(), "address", address));
            body.put("wantedBy", wantedBy);
            body.put("note", "Omborga ertalab 9 dan 17 gacha yetkazing");
            return JSON.writeValueAsString(body);
        }
    }

    interface Placer {
        /** Places one order; returns its id. */
        UUID place(Placement placement) throws Exception;
    }

    interface PlacerFactory {
        Placer create(int client) throws Exception;
    }

    /** What one run of placements gave: latencies, wall time, errors, and the CPU each part spent. */
    record Outcome(String path, long[] latencies, double seconds, int errors, List<String> errorSamples,
                   Map<String, Double> cpuSeconds, Map<String, Long> database, List<UUID> placed) {

        double throughput() {
            return latencies.length / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path repo = BenchPlatform.repo();
        try (Platform platform = BenchPlatform.start(repo)) {
            List<Organization> sellers = new ArrayList<>();
            List<Organization> buyers = new ArrayList<>();
            for (int i = 0; i < SELLERS + BUYER_ORGANIZATIONS; i++) {
                String region = REGIONS.get(i % REGIONS.size());
                (i < SELLERS ? sellers : buyers).add(new Organization(UUID.randomUUID(), region, region + "401"));
            }
            List<Product> products = products(sellers);
            long started = System.nanoTime();
            announce(platform, sellers, buyers, products);
            try (Connection orders = BenchPlatform.database(platform, PlatformApp.ORDERS)) {
                awaitMarketCopies(orders, sellers, buyers, products);
                System.out.printf(Locale.ROOT, "bench: orders holds %d organizations and %d products after %.1f s%n",
                        sellers.size() + buyers.size(), products.size(), (System.nanoTime() - started) / 1e9);
                List<Buyer> users = buyerUsers(platform, buyers);

                String gateway = platform.gatewayUrl() + "/api/orders/orders";
                String direct = BenchPlatform.serviceUrl(platform, PlatformApp.ORDERS) + "/api/orders/orders";
                PlacerFactory overGateway = client -> overHttp(gateway);
                PlacerFactory straightToOrders = client -> overHttp(direct);
                PlacerFactory plainJdbc = client -> overJdbc(BenchPlatform.database(platform, PlatformApp.ORDERS), false);
                PlacerFactory jdbcWithReads = client -> overJdbc(BenchPlatform.database(platform, PlatformApp.ORDERS), true);

                // Each path warms up first (the services' JIT, the pools), then the outbox relay
                // catches up, so that no path pays for the events of the one before.
                run(platform, orders, "warm-up: gateway", overGateway, users, products, WARM_UP);
                run(platform, orders, "warm-up: plain JDBC", jdbcWithReads, users, products, WARM_UP);
                Outcome jdbc = run(platform, orders, "plain JDBC", plainJdbc, users, products, MEASURED);
                Outcome jdbcReading = run(platform, orders, "plain JDBC with the service's reads", jdbcWithReads, users, products,
                        MEASURED);
                Outcome http = run(platform, orders, "gateway", overGateway, users, products, MEASURED);
                Outcome service = run(platform, orders, "straight to orders", straightToOrders, users, products, SIDE_RUN);
                String check = checkPlaced(orders, http);
                Path profiles = repo.resolve("deploy/bench/target/order-profiles");
                Files.createDirectories(profiles);
                List<Long> profiled = startProfiles(platform, profiles);
                Outcome underProfiler = run(platform, orders, "gateway, under JFR", overGateway, users, products, SIDE_RUN);
                stopProfiles(profiled, profiles);
                System.out.println("bench: " + check);
                String report = report(jdbc, jdbcReading, http, service, underProfiler, check, products.size(), users.size(),
                        sellers.size() + buyers.size(), sampleBody(gateway, users.getFirst(), products));
                System.out.println(report);
                Files.writeString(repo.resolve("deploy/bench/target/order-benchmark.md"), report);
            }
        }
    }

    // ---- the market, as orders learns it ------------------------------------------------------------

    private static List<Product> products(List<Organization> sellers) {
        List<Product> products = new ArrayList<>();
        Sector[] sectors = Sector.values();
        for (int s = 0; s < sellers.size(); s++) {
            for (int p = 0; p < PRODUCTS_PER_SELLER; p++) {
                String word = PRODUCT_WORDS.get((s * PRODUCTS_PER_SELLER + p) % PRODUCT_WORDS.size());
                BigDecimal price = BigDecimal.valueOf(5_000 + 1_250L * ((s * 31 + p * 17) % 400)).setScale(2);
                List<ProductPublished.Tier> tiers = List.of(
                        new ProductPublished.Tier(BigDecimal.valueOf(100), price.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.HALF_UP)),
                        new ProductPublished.Tier(BigDecimal.valueOf(500), price.multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_UP)));
                products.add(new Product(UUID.randomUUID(), sellers.get(s),
                        Map.of("uz-Latn", word + " oliy nav " + (p + 1), "ru", word + " высший сорт " + (p + 1)),
                        sectors[(s + p) % sectors.length].name(), p % 3 == 0 ? "PIECE" : "KILOGRAM",
                        "0%016d".formatted(1_000_000L + s * 100L + p), price, tiers, BigDecimal.TEN));
            }
        }
        return products;
    }

    /** The directory and the catalogue as catalog's outbox relay would put them on the topics. */
    private static void announce(Platform platform, List<Organization> sellers, List<Organization> buyers, List<Product> products) {
        Instant now = Instant.now();
        try (PlatformEvents.Publisher publisher = PlatformEvents.publisher(platform.kafkaBootstrapServers())) {
            int n = 0;
            for (Organization organization : concat(sellers, buyers)) {
                n++;
                publisher.publish(new OrganizationRegistered(organization.id(), "ENTERPRISE", "Bench korxona " + n + " MChJ",
                        String.valueOf(300_000_000 + n), organization.regionCode(), organization.districtCode(), "NONE", null,
                        List.of(Sector.TEXTILE_AND_GARMENTS.name()), List.of(), "+99871200" + "%04d".formatted(n),
                        "bench" + n + "@korxona.uz", "Toshkent sh., Sanoat ko'chasi, " + n + "-uy", "3260%08d".formatted(n), null,
                        "PENDING", now));
                publisher.publish(new OrganizationVerified(organization.id(), "ENTERPRISE", organization.regionCode(), "VERIFIED",
                        null, "bench-administration", now));
            }
            for (Product product : products) {
                publisher.publish(new ProductPublished(product.id(), product.seller().id(), product.name(), product.sector(),
                        "520512", product.ikpuCode(), product.unit(), product.price(), product.tiers(), product.minimum(), 7,
                        true, product.seller().regionCode(), now));
            }
        }
    }

    private static void awaitMarketCopies(Connection orders, List<Organization> sellers, List<Organization> buyers,
                                          List<Product> products) throws Exception {
        List<UUID> organizations = concat(sellers, buyers).stream().map(Organization::id).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            long verified = count(orders, "select count(*) from organization_standing where status = 'VERIFIED' and organization_id = any(?)",
                    organizations);
            long parties = count(orders, "select count(*) from trading_party where legal_name is not null and organization_id = any(?)",
                    organizations);
            long listed = count(orders, "select count(*) from listed_product where status = 'PUBLISHED' and product_id = any(?)",
                    products.stream().map(Product::id).toList());
            if (verified == organizations.size() && parties == organizations.size() && listed == products.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("orders has " + verified + " verified organizations, " + parties + " trading parties and "
                        + listed + " products of " + organizations.size() + ", " + organizations.size() + " and " + products.size()
                        + " after two minutes: its consumer does not follow the topics");
            }
            Thread.sleep(250);
        }
    }

    private static long count(Connection db, String sql, List<UUID> ids) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("uuid", ids.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Buyers' members made with Keycloak's admin API as catalog's onboarding makes them: group, organization. */
    private static List<Buyer> buyerUsers(Platform platform, List<Organization> buyers) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = passwordGrant(http, platform.keycloakUrl() + "/realms/master", "admin-cli", Secrets.KEYCLOAK_ADMIN_USER,
                platform.secrets().get(Secrets.KEYCLOAK_ADMIN));
        List<Buyer> users = new ArrayList<>();
        for (int u = 0; u < USERS_PER_BUYER; u++) {
            for (int b = 0; b < buyers.size(); b++) {
                String username = "bench-buyer-" + b + "-" + u;
                Map<String, Object> user = Map.of(
                        "username", username,
                        "email", username + "@korxona.uz",
                        "firstName", "Xaridor",
                        "lastName", "Bench",
                        "enabled", true,
                        "emailVerified", true,
                        "groups", List.of("/enterprises"),
                        "attributes", Map.of("organization_id", List.of(buyers.get(b).id().toString())),
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                                URI.create(platform.keycloakUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("Keycloak did not make " + username + ": " + created.statusCode() + " " + created.body());
                }
                users.add(new Buyer(username, buyers.get(b), platform.realmUrl()));
            }
        }
        return users;
    }

    // ---- one placement, two ways ----------------------------------------------------------------------

    private static Placer overHttp(String ordersUrl) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return placement -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ordersUrl))
                    .header("Authorization", "Bearer " + placement.buyer().token())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(placement.body())).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + " " + answer.body());
            }
            String location = answer.headers().firstValue("Location").orElseThrow();
            return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        };
    }

    /**
     * The rows one placement writes, as orders writes them, in one transaction: the idempotency key
     * with the stored answer, the order number, the order, its lines and the {@code OrderPlaced}
     * outbox row (the real event record as JSON). What it leaves out is the service's work: HTTP,
     * JSON binding, the token, Hibernate, and (unless {@code withReads}) the reads it prices and
     * checks from.
     *
     * <p>{@code withReads} adds the statements orders reads with before it writes, one for one as
     * it runs them (platform/runtime's key lock and lookup, four standing lookups, each line's
     * listing, both parties, the buyer's policy): the database's share of a placement, apart from
     * the service's.
     */
    private static Placer overJdbc(Connection db, boolean withReads) throws Exception {
        db.setAutoCommit(false);
        PreparedStatement lock = db.prepareStatement("select pg_try_advisory_xact_lock(?)");
        PreparedStatement keptAnswer = db.prepareStatement("""
                select operation, fingerprint, status, content_type, location, entity_tag, body from idempotency_key
                where caller_id = ? and idempotency_key = ? and created_at > now() - interval '24 hours'""");
        PreparedStatement standing = db.prepareStatement(
                "select kind, region_code, status from organization_standing where organization_id = ?");
        PreparedStatement listing = db.prepareStatement("select * from listed_product where product_id = ?");
        PreparedStatement party = db.prepareStatement("select * from trading_party where organization_id = ?");
        PreparedStatement policy = db.prepareStatement("select * from purchasing_policy where organization_id = ?");
        PreparedStatement number = db.prepareStatement("select nextval('order_number_seq')");
        PreparedStatement key = db.prepareStatement("""
                insert into idempotency_key (caller_id, idempotency_key, operation, fingerprint, status, content_type, location,
                    entity_tag, body, created_at)
                values (?, ?, 'POST /orders', ?, 201, 'application/json', ?, '"0"', ?, ?)""");
        PreparedStatement order = db.prepareStatement("""
                insert into purchase_order (id, order_number, kind, status, buyer_id, seller_id, placed_by, buyer_region_code,
                    seller_region_code, sector, amount_uzs, currency, delivery_region_code, delivery_district_code, delivery_address,
                    wanted_by, note, placed_at, created_at, updated_at, version)
                values (?, ?, 'PRODUCTS', 'PLACED', ?, ?, ?, ?, ?, ?, ?, 'UZS', ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
        PreparedStatement item = db.prepareStatement("""
                insert into order_item (order_id, line_no, product_id, name, sector, unit, ikpu_code, quantity, unit_price_uzs,
                    amount_uzs)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)""");
        PreparedStatement outbox = db.prepareStatement("""
                insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, source, payload, occurred_at)
                values (?, ?, ?, ?, 'OrderPlaced', '/aqlli/orders', cast(? as jsonb), ?)""");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        return placement -> {
            Instant now = Instant.now();
            Timestamp at = Timestamp.from(now);
            UUID id = UUID.randomUUID();
            Organization buyer = placement.buyer().organization;
            Organization seller = placement.products().getFirst().seller();
            String idempotencyKey = UUID.randomUUID().toString();
            try {
                if (withReads) {
                    lock.setLong(1, ThreadLocalRandom.current().nextLong());
                    read(lock);
                    keptAnswer.setString(1, placement.buyer().subject());
                    keptAnswer.setString(2, idempotencyKey);
                    read(keptAnswer);
                    for (UUID organization : List.of(buyer.id(), seller.id(), buyer.id(), seller.id())) {
                        standing.setObject(1, organization);
                        read(standing);
                    }
                    for (Product product : placement.products()) {
                        listing.setObject(1, product.id());
                        read(listing);
                    }
                    for (UUID organization : List.of(buyer.id(), seller.id())) {
                        party.setObject(1, organization);
                        read(party);
                    }
                    policy.setObject(1, buyer.id());
                    read(policy);
                }
                String orderNumber;
                try (ResultSet next = number.executeQuery()) {
                    next.next();
                    orderNumber = "AE-%d-%06d".formatted(now.atZone(UZBEKISTAN).getYear(), next.getLong(1));
                }
                List<OrderPlaced.Item> lines = new ArrayList<>();
                BigDecimal total = BigDecimal.ZERO.setScale(2);
                for (int i = 0; i < placement.products().size(); i++) {
                    Product product = placement.products().get(i);
                    BigDecimal quantity = placement.quantities().get(i);
                    BigDecimal unitPrice = product.unitPriceFor(quantity);
                    BigDecimal amount = unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
                    total = total.add(amount);
                    lines.add(new OrderPlaced.Item(product.id(), product.sector(), product.unit(), quantity, product.ikpuCode(), unitPrice, amount));
                    item.setObject(1, id);
                    item.setInt(2, i + 1);
                    item.setObject(3, product.id());
                    item.setString(4, JSON.writeValueAsString(product.name()));
                    item.setString(5, product.sector());
                    item.setString(6, product.unit());
                    item.setString(7, product.ikpuCode());
                    item.setBigDecimal(8, quantity);
                    item.setBigDecimal(9, unitPrice);
                    item.setBigDecimal(10, amount);
                    item.addBatch();
                }
                String subject = placement.buyer().subject();
                order.setObject(1, id);
                order.setString(2, orderNumber);
                order.setObject(3, buyer.id());
                order.setObject(4, seller.id());
                order.setString(5, subject);
                order.setString(6, buyer.regionCode());
                order.setString(7, seller.regionCode());
                order.setString(8, placement.products().getFirst().sector());
                order.setBigDecimal(9, total);
                order.setString(10, buyer.regionCode());
                order.setString(11, buyer.districtCode());
                order.setString(12, placement.address());
                order.setObject(13, placement.wantedBy());
                order.setString(14, "Omborga ertalab 9 dan 17 gacha yetkazing");
                order.setTimestamp(15, at);
                order.setTimestamp(16, at);
                order.setTimestamp(17, at);
                order.executeUpdate();
                item.executeBatch();

                OrderFacts facts = new OrderFacts(id, orderNumber, "PRODUCTS", "PLACED",
                        new OrderParty(buyer.id(), buyer.regionCode(), buyer.districtCode(), "NONE", null),
                        new OrderParty(seller.id(), seller.regionCode(), seller.districtCode(), "NONE", null),
                        placement.products().getFirst().sector(), null, null, total, "UZS");
                OrderPlaced event = new OrderPlaced(facts, lines, null, buyer.regionCode(), buyer.districtCode(), placement.wantedBy(), now);
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, Topic.ORDERS.topicName());
                outbox.setString(3, Topic.ORDERS.aggregateType());
                outbox.setString(4, id.toString());
                outbox.setString(5, JSON.writeValueAsString(event));
                outbox.setTimestamp(6, at);
                outbox.executeUpdate();

                // The answer kept for a retry: the order as the API shows it, of the size the service stores.
                String request = placement.body();
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("id", id);
                answer.put("orderNumber", orderNumber);
                answer.put("kind", "PRODUCTS");
                answer.put("status", "PLACED");
                answer.put("buyer", facts.buyer());
                answer.put("seller", facts.seller());
                answer.put("items", lines);
                answer.put("amountUzs", total);
                answer.put("currency", "UZS");
                answer.put("delivery", Map.of("regionCode", buyer.regionCode(), "districtCode", buyer.districtCode(),
                        "address", placement.address()));
                answer.put("placedBy", subject);
                answer.put("placedAt", now);
                answer.put("createdAt", now);
                answer.put("version", 0);
                key.setString(1, subject);
                key.setString(2, idempotencyKey);
                key.setString(3, HexFormat.of().formatHex(sha256.digest(("POST /orders\n" + request).getBytes(StandardCharsets.UTF_8))));
                key.setString(4, "/api/orders/orders/" + id);
                key.setBytes(5, JSON.writeValueAsBytes(answer));
                key.setTimestamp(6, at);
                key.executeUpdate();
                db.commit();
                return id;
            } catch (Exception e) {
                db.rollback();
                throw e;
            }
        };
    }

    /** Runs a lookup and reads every column of every row, as a caller that uses the answer does. */
    private static void read(PreparedStatement lookup) throws SQLException {
        try (ResultSet rows = lookup.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
    }

    // ---- measuring --------------------------------------------------------------------------------

    /**
     * {@code count} placements by {@link #CLIENTS} clients at once, each client with buyers of its own
     * (a buyer's placements never run side by side), timed each and as a whole.
     */
    private static Outcome run(Platform platform, Connection orders, String path, PlacerFactory factory, List<Buyer> buyers,
                               List<Product> products, int count) throws Exception {
        awaitSettled(platform, orders);
        Map<String, Long> databaseBefore = databaseWork(orders);
        for (Buyer buyer : buyers) {
            buyer.token(); // signed in before the clock starts; a token past 200 s is renewed in the run
        }
        System.out.println("bench: " + path + ", " + count + " placements by " + CLIENTS + " clients");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger remaining = new AtomicInteger(count);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger errorCount = new AtomicInteger();
        ConcurrentLinkedQueue<UUID> placed = new ConcurrentLinkedQueue<>();
        List<Placer> placers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            placers.add(factory.create(c));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                List<Buyer> own = new ArrayList<>();
                for (int b = client; b < buyers.size(); b += CLIENTS) {
                    own.add(buyers.get(b));
                }
                List<Long> latencies = new ArrayList<>();
                start.await();
                for (int n = 0; remaining.getAndDecrement() > 0; n++) {
                    Placement placement = placement(own.get(n % own.size()), products);
                    long began = System.nanoTime();
                    try {
                        placed.add(placers.get(client).place(placement));
                        latencies.add(System.nanoTime() - began);
                    } catch (Exception e) {
                        if (errorCount.incrementAndGet() <= 5) {
                            errors.add(e.toString());
                        }
                    }
                }
                return latencies;
            }));
        }
        Map<String, Double> cpuBefore = cpuByPart(platform);
        long began = System.nanoTime();
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> client : clients) {
            all.addAll(client.get());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, Double> cpuAfter = cpuByPart(platform);
        pool.shutdown();
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((part, after) -> cpu.put(part, after - cpuBefore.getOrDefault(part, 0.0)));
        // The database's work counts what the relay does for these placements too: it is taken once the relay is done.
        awaitSettled(platform, orders);
        Map<String, Long> database = new LinkedHashMap<>();
        databaseWork(orders).forEach((what, after) -> database.put(what, after - databaseBefore.getOrDefault(what, 0L)));
        Outcome outcome = new Outcome(path, all.stream().mapToLong(Long::longValue).toArray(), seconds, errorCount.get(),
                List.copyOf(errors), cpu, database, List.copyOf(placed));
        System.out.printf(Locale.ROOT, "bench: %s: %.0f placements/s, p50 %s, p95 %s, %d errors %s%n", path, outcome.throughput(),
                ms(percentile(outcome.latencies(), 50)),
                ms(percentile(outcome.latencies(), 95)), outcome.errors(), outcome.errorSamples());
        return outcome;
    }

    private static Placement placement(Buyer buyer, List<Product> products) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int seller = random.nextInt(SELLERS);
        int lines = 1 + random.nextInt(3);
        int first = random.nextInt(PRODUCTS_PER_SELLER);
        List<Product> chosen = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            chosen.add(products.get(seller * PRODUCTS_PER_SELLER + (first + l * 7) % PRODUCTS_PER_SELLER));
            // both sides of both tiers' boundaries, whole numbers (a third of the products count pieces)
            quantities.add(BigDecimal.valueOf(10 + random.nextInt(700)));
        }
        return new Placement(buyer, chosen, quantities,
                "Toshkent sh., Yunusobod tumani, " + (1 + random.nextInt(19)) + "-mavze, " + (1 + random.nextInt(60)) + "-uy",
                LocalDate.now(UZBEKISTAN).plusDays(7 + random.nextInt(30)));
    }

    /**
     * Waits until orders' outbox relay has sent every event written so far and the platform is idle
     * again (the data lake has stored those events): no run pays for the work of the one before.
     */
    private static void awaitSettled(Platform platform, Connection orders) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Statement sql = orders.createStatement()) {
            while (true) {
                try (ResultSet unsent = sql.executeQuery("select count(*) from outbox_event where published_at is null")) {
                    unsent.next();
                    if (unsent.getLong(1) == 0) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(unsent.getLong(1) + " outbox events still unsent after three minutes");
                    }
                }
                Thread.sleep(200);
            }
        }
        long idleBy = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < idleBy) {
            double before = platformCpu(platform);
            Thread.sleep(1000);
            if (platformCpu(platform) - before < 0.15) { // of one core: timers and heartbeats only
                return;
            }
        }
        System.out.println("bench: the platform did not become idle within 90 s; measuring anyway");
    }

    private static double platformCpu(Platform platform) {
        Map<String, Double> cpu = cpuByPart(platform);
        cpu.remove(BENCHMARK);
        return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * What orders' database did so far: transactions, and per table the lookups (index and
     * sequential scans) and rows written, from PostgreSQL's own statistics.
     */
    private static Map<String, Long> databaseWork(Connection orders) throws SQLException {
        Map<String, Long> work = new LinkedHashMap<>();
        try (Statement sql = orders.createStatement()) {
            // The statistics are a snapshot per transaction unless cleared; the counters lag the commits by up to a second.
            sql.execute("select pg_stat_clear_snapshot()");
            Thread.sleep(1100);
            try (ResultSet rows = sql.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                rows.next();
                work.put("transactions", rows.getLong(1));
            }
            try (ResultSet rows = sql.executeQuery("""
                    select relname, coalesce(idx_scan, 0) + coalesce(seq_scan, 0), n_tup_ins + n_tup_upd + n_tup_del
                    from pg_stat_user_tables order by relname""")) {
                while (rows.next()) {
                    work.put(rows.getString(1) + " lookups", rows.getLong(2));
                    work.put(rows.getString(1) + " rows written", rows.getLong(3));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work;
    }

    /** CPU seconds so far of each part of the platform and of this benchmark (its clients). */
    private static Map<String, Double> cpuByPart(Platform platform) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (ProcessHandle process : platform.processes()) {
            String command = process.info().commandLine().orElse("");
            // Keycloak's command line names its database (postgres), so it is recognised first.
            String part = command.contains("gateway/target") ? "gateway"
                    : command.contains("services/orders/") ? "orders"
                    : command.contains("services/datalake/") ? "datalake"
                    : command.contains("services/") ? "catalog and offers"
                    : command.contains("keycloak") ? "Keycloak"
                    : command.contains("kafka") ? "Kafka"
                    : command.contains("postgres") ? "PostgreSQL"
                    : "other";
            cpu.merge(part, process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0), Double::sum);
        }
        cpu.put(BENCHMARK, ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0));
        return cpu;
    }

    // ---- the check and the profile --------------------------------------------------------------------

    /** Every gateway placement made one order with its lines, one outbox row and one idempotency key. */
    private static String checkPlaced(Connection orders, Outcome http) throws SQLException {
        List<UUID> ids = http.placed();
        long ordersFound = count(orders, "select count(*) from purchase_order where status = 'PLACED' and id = any(?)", ids);
        long withoutLines = count(orders, "select count(*) from purchase_order o where o.id = any(?)"
                + " and not exists (select 1 from order_item i where i.order_id = o.id)", ids);
        // One join, not a lookup per order: outbox_event has no index on the aggregate once rows are sent.
        long notOnce = count(orders, """
                select count(*) from (
                    select o.id from purchase_order o
                    left join outbox_event e on e.aggregate_id = o.id::text and e.event_type = 'OrderPlaced'
                    where o.id = any(?)
                    group by o.id having count(e.id) <> 1) wrong""", ids);
        long outboxTotal = count(orders, """
                select count(*) from outbox_event e join purchase_order o on e.aggregate_id = o.id::text
                where e.event_type = 'OrderPlaced' and o.id = any(?)""", ids);
        long keys = count(orders, "select count(*) from idempotency_key where location like '%/orders/orders/%'"
                + " and substring(location from '[^/]+$')::uuid = any(?)", ids);
        String check = ("%,d gateway placements answered 201: %,d orders PLACED (%d without lines), %,d OrderPlaced outbox rows for"
                + " them (%d orders without exactly one), %,d idempotency keys").formatted(ids.size(), ordersFound, withoutLines,
                outboxTotal, notOnce, keys);
        boolean once = ordersFound == ids.size() && withoutLines == 0 && notOnce == 0 && outboxTotal == ids.size() && keys == ids.size();
        // Said in the report rather than thrown: the figures of the run are worth keeping either way.
        return (once ? "Checked: " : "**CHECK FAILED**: ") + check;
    }

    /** A JFR recording of the gateway and of orders, for where their time goes ({@code jfr view hot-methods}). */
    private static List<Long> startProfiles(Platform platform, Path profiles) throws Exception {
        List<Long> pids = new ArrayList<>();
        for (ProcessHandle process : platform.processes()) {
            String command = process.info().commandLine().orElse("");
            String name = command.contains("gateway/target") ? "gateway" : command.contains("services/orders/") ? "orders" : null;
            if (name != null && command.contains("quarkus-run.jar")) {
                // Quarkus' stacks are deeper than JFR's default 64 frames: the route would be cut off.
                jcmd(process.pid(), "JFR.configure", "stackdepth=512");
                jcmd(process.pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + profiles.resolve(name + ".jfr"));
                pids.add(process.pid());
            }
        }
        return pids;
    }

    private static void stopProfiles(List<Long> pids, Path profiles) throws Exception {
        for (long pid : pids) {
            jcmd(pid, "JFR.stop", "name=bench");
        }
        System.out.println("bench: profiles in " + profiles + " (jfr view hot-methods " + profiles.resolve("orders.jfr") + ")");
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            // A profile is a help to read the figures, not one of them: the run goes on without it.
            System.out.println("bench: no profile, jcmd " + line + ": " + output);
        }
    }

    /** One real answer's size, to compare with what the JDBC path stores as the kept answer. */
    private static int sampleBody(String gateway, Buyer buyer, List<Product> products) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway))
                .header("Authorization", "Bearer " + buyer.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(placement(buyer, products).body())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        return body.isObject() ? answer.body().getBytes(StandardCharsets.UTF_8).length : -1;
    }

    // ---- the report -------------------------------------------------------------------------------

    private static String report(Outcome jdbc, Outcome jdbcReading, Outcome http, Outcome service, Outcome profiled, String check, int products, int users,
                                 int organizations, int answerBytes) {
        StringBuilder table = new StringBuilder("""
                | path | placements | throughput | p50 | p95 | p99 | errors |
                | --- | --- | --- | --- | --- | --- | --- |
                """);
        for (Outcome outcome : List.of(http, jdbc, jdbcReading, service, profiled)) {
            table.append("| %s | %,d | %.0f /s | %s | %s | %s | %d |\n".formatted(outcome.path(), outcome.latencies().length,
                    outcome.throughput(), ms(percentile(outcome.latencies(), 50)),
                    ms(percentile(outcome.latencies(), 95)),
                    ms(percentile(outcome.latencies(), 99)), outcome.errors()));
        }
        table.append("\n**gateway / plain JDBC: %.2f×** (goal ≥ 0.33×); gateway / plain JDBC with the service's reads: %.2f×\n\n"
                .formatted(http.throughput() / jdbc.throughput(), http.throughput() / jdbcReading.throughput()));
        table.append("CPU per placement (ms), by part, during each run:\n\n| part |");
        List<Outcome> runs = List.of(http, jdbc, jdbcReading, service);
        runs.forEach(outcome -> table.append(" ").append(outcome.path()).append(" |"));
        table.append("\n| --- |").append(" --- |".repeat(runs.size())).append("\n");
        for (String part : http.cpuSeconds().keySet()) {
            table.append("| ").append(part).append(" |");
            for (Outcome outcome : runs) {
                table.append(" %.2f |".formatted(1000 * outcome.cpuSeconds().getOrDefault(part, 0.0) / outcome.latencies().length));
            }
            table.append("\n");
        }
        table.append("| all |");
        for (Outcome outcome : runs) {
            double total = outcome.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
            table.append(" %.2f (%.0f %% of 2 cores) |".formatted(1000 * total / outcome.latencies().length,
                    100 * total / outcome.seconds() / Runtime.getRuntime().availableProcessors()));
        }
        table.append("\n\norders' database per placement (the outbox relay's work included):\n\n| what |");
        runs.forEach(outcome -> table.append(" ").append(outcome.path()).append(" |"));
        table.append("\n| --- |").append(" --- |".repeat(runs.size())).append("\n");
        for (String what : http.database().keySet()) {
            if (runs.stream().allMatch(outcome -> outcome.database().getOrDefault(what, 0L) == 0)) {
                continue;
            }
            table.append("| ").append(what).append(" |");
            for (Outcome outcome : runs) {
                table.append(" %.2f |".formatted((double) outcome.database().getOrDefault(what, 0L) / outcome.latencies().length));
            }
            table.append("\n");
        }
        Runtime runtime = Runtime.getRuntime();
        table.append("""


                %s. %d clients; each placement 1–3 products of one seller, a fresh Idempotency-Key, %d buyer users of %d
                organizations (%d organizations, %d products in orders' copies, fed by catalog's event records); an answer is
                %d bytes. Warm-up %d placements per path before; the outbox relay had sent everything before each run.
                Errors: %s. Machine: %d cores, JDK %s.
                """.formatted(check, CLIENTS, users, BUYER_ORGANIZATIONS, organizations, products, answerBytes, WARM_UP,
                concat(concat(http.errorSamples(), jdbc.errorSamples()), concat(jdbcReading.errorSamples(), service.errorSamples())), runtime.availableProcessors(), Runtime.version()));
        return table.toString();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
