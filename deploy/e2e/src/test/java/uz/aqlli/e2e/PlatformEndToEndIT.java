package uz.aqlli.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import uz.aqlli.launcher.Platform;
import uz.aqlli.launcher.PlatformApp;
import uz.aqlli.launcher.Secrets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The platform as {@code ./run} starts it (real PostgreSQL, Kafka, Keycloak, services, gateway),
 * on free ports and fresh data, driven only through the gateway with tokens from Keycloak.
 */
// Last: it stops the platform every class here shares, and checks that nothing outlives it.
@Order(Integer.MAX_VALUE)
class PlatformEndToEndIT {

    private static Platform platform;
    private static String gateway;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.get();
        gateway = platform.gatewayUrl();
    }

    @AfterAll
    static void stopPlatform() {
        for (ProcessHandle process : SharedPlatform.stop()) {
            assertFalse(process.isAlive(), "process " + process.pid() + " outlived the platform: " + process.info().commandLine().orElse("?"));
        }
    }

    @Test
    void anOrganizationRegisteredThroughTheGatewayReachesTheAdministrationsFiguresWithinTwoSeconds() {
        String admin = token("admin1");
        String stir = String.valueOf(ThreadLocalRandom.current().nextInt(400_000_000, 999_999_999));
        // Khorezm may already count demo organizations: the figure must grow by exactly this one.
        int before = khorezmCount(admin);

        // Self-registration needs no login; its answer says only that a mail went out.
        given().contentType(ContentType.JSON)
                .body(registration(stir, "1733", "Xorazm Qurilish Materiallari MChJ"))
                .post(gateway + "/api/catalog/registrations")
                .then().statusCode(202)
                .header("X-Request-Id", notNullValue())
                .body("confirmation", equalTo("a confirmation was sent to manager-" + stir + "@xorazm.uz"));
        // The manager confirms with the code from the local mail server and chooses the password.
        String id = confirm("manager-" + stir + "@xorazm.uz", "Qurilish-2026")
                .body("organization.status", equalTo("PENDING")).extract().path("organization.id");

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int now;
        while ((now = khorezmCount(admin)) != before + 1) {
            if (System.nanoTime() > deadline) {
                fail("the data lake did not count the organization within two seconds: " + before + " then " + now);
            }
            sleep(100);
        }

        // The republic-level administration verifies it; then it is public.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("decision", "VERIFY"))
                .post(gateway + "/api/catalog/organizations/" + id + "/decisions")
                .then().statusCode(200).body("status", equalTo("VERIFIED"));
        given().get(gateway + "/api/catalog/organizations/" + id).then().statusCode(200).body("status", equalTo("VERIFIED"));
        // And its manager signs in with the password they chose.
        String manager = passwordToken("aqlli-web", "manager-" + stir + "@xorazm.uz", "Qurilish-2026");
        given().auth().oauth2(manager).get(gateway + "/api/catalog/me").then().statusCode(200).body("organizationId", equalTo(id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProviderPublishesOnlyOnceItsRegionsAdministrationHasVerifiedIt() {
        String stir = String.valueOf(ThreadLocalRandom.current().nextInt(400_000_000, 999_999_999));
        Map<String, Object> provider = new java.util.HashMap<>(registration(stir, "1730", "Farg'ona Raqamli Yechimlar MChJ"));
        Map<String, Object> organization = new java.util.HashMap<>((Map<String, Object>) provider.get("organization"));
        organization.put("kind", "PROVIDER");
        organization.remove("sectors");
        organization.put("serviceCategories", List.of("ERP", "INDUSTRIAL_IOT"));
        provider.put("organization", organization);
        given().contentType(ContentType.JSON).body(provider).post(gateway + "/api/catalog/registrations")
                .then().statusCode(202);
        String id = confirm("manager-" + stir + "@xorazm.uz", "Qurilish-2026").extract().path("organization.id");
        String manager = passwordToken("aqlli-web", "manager-" + stir + "@xorazm.uz", "Qurilish-2026");

        Map<String, Object> offer = Map.of("category", "INDUSTRIAL_IOT",
                "title", Map.of("uz-Latn", "Sex uskunalarini IoT orqali kuzatish", "uz-Cyrl", "Цех ускуналарини IoT орқали кузатиш"),
                "description", Map.of("uz-Latn", "Datchiklar, shlyuz va boshqaruv paneli; o'rnatish va o'qitish bilan"),
                "pricingModel", "MONTHLY_SUBSCRIPTION", "priceUzs", "2750000.00", "deliveryDays", 21,
                "regionsServed", List.of("1730", "1703", "1714"));
        String offerId = given().auth().oauth2(manager).contentType(ContentType.JSON).body(offer)
                .post(gateway + "/api/offers/offers").then().statusCode(201).extract().path("id");
        String publication = gateway + "/api/offers/offers/" + offerId + "/publication";

        // Pending: the offers service refuses, and says why.
        given().auth().oauth2(manager).header("If-Match", "\"0\"").post(publication).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:aqlli:problem:organization-not-verified"));
        // The wrong region's administration cannot verify it; Fergana's (here the republic level) can.
        given().auth().oauth2(token("admin-navoi")).contentType(ContentType.JSON).body(Map.of("decision", "VERIFY"))
                .post(gateway + "/api/catalog/organizations/" + id + "/decisions").then().statusCode(404);
        given().auth().oauth2(token("admin1")).contentType(ContentType.JSON).body(Map.of("decision", "VERIFY"))
                .post(gateway + "/api/catalog/organizations/" + id + "/decisions").then().statusCode(200);

        // The verification reaches offers as an event; publishing works as soon as it has arrived.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        while ((status = given().auth().oauth2(manager).header("If-Match", "\"0\"").post(publication).statusCode()) == 403) {
            if (System.nanoTime() > deadline) {
                fail("offers never heard that the organization was verified");
            }
            sleep(100);
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, status);
        given().queryParam("category", "INDUSTRIAL_IOT").queryParam("regionCode", "1703").queryParam("size", 100)
                .get(gateway + "/api/offers/offers").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(offerId));
    }

    @Test
    void anEnterpriseBuysAnotherEnterprisesProductFromListingToEInvoice() {
        // Navoi's demo enterprise lists a product in catalog; Bukhara's buys it from orders, which knows the
        // product, both parties and their standing only from catalog's events.
        String seller = token("enterprise2");
        String buyer = token("enterprise1");
        Map<String, Object> product = Map.of("name", Map.of("uz-Latn", "Po'lat burchak 50x50", "ru", "Уголок стальной 50x50"),
                "description", Map.of("uz-Latn", "Issiq prokat, St3"), "sector", "METALLURGY", "ikpuCode", "07216001001000000",
                "unit", "TONNE", "priceUzs", "11200000.00", "priceTiers", List.of(Map.of("minQuantity", 10, "priceUzs", "10640000.00")),
                "minOrderQuantity", 2, "leadTimeDays", 7, "exportReady", false);
        String productId = given().auth().oauth2(seller).contentType(ContentType.JSON).body(product)
                .post(gateway + "/api/catalog/products").then().statusCode(201).extract().path("id");
        given().auth().oauth2(seller).header("If-Match", "\"0\"").post(gateway + "/api/catalog/products/" + productId + "/publication")
                .then().statusCode(200);

        Map<String, Object> order = Map.of("items", List.of(Map.of("productId", productId, "quantity", "12.5")),
                "delivery", Map.of("regionCode", "1706", "address", "Buxoro sh., Sanoat ko'chasi 3"));
        String key = "e2e-" + java.util.UUID.randomUUID();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        io.restassured.response.Response placed;
        // orders learns of the product from its event: until it has, the product is not in its catalogue (409)
        while ((placed = given().auth().oauth2(buyer).contentType(ContentType.JSON).header("Idempotency-Key", key).body(order)
                .post(gateway + "/api/orders/orders")).statusCode() == 409) {
            if (System.nanoTime() > deadline) {
                fail("orders never heard of the product: " + placed.asString());
            }
            sleep(100);
        }
        placed.then().statusCode(201).body("items[0].unitPriceUzs", equalTo(10640000.00f)).body("amountUzs", equalTo(133000000.00f))
                .body("seller.legalName", equalTo("Navoiy Metall Konstruksiya AJ"));
        String orderPath = gateway + "/api/orders/orders/" + placed.path("id");
        given().auth().oauth2(buyer).contentType(ContentType.JSON).header("Idempotency-Key", key).body(order)
                .post(gateway + "/api/orders/orders").then().statusCode(201).body("id", equalTo(placed.path("id")));

        given().auth().oauth2(seller).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("deliveryDate", java.time.LocalDate.now().plusDays(7).toString()))
                .post(orderPath + "/confirmation").then().statusCode(200);
        given().auth().oauth2(seller).header("If-Match", "\"1\"").post(orderPath + "/delivery").then().statusCode(200);
        given().auth().oauth2(buyer).header("If-Match", "\"2\"").post(orderPath + "/acceptance").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        given().auth().oauth2(seller).get(orderPath + "/e-invoice").then().statusCode(200)
                .body("Seller.Name", equalTo("Navoiy Metall Konstruksiya AJ"))
                .body("Buyer.Name", equalTo("Buxoro To'qimachilik Klasteri MChJ"))
                .body("SellerTin", org.hamcrest.Matchers.matchesPattern("\\d{9}"))
                .body("BuyerTin", org.hamcrest.Matchers.matchesPattern("\\d{9}"))
                .body("Seller.Address", org.hamcrest.Matchers.notNullValue())
                .body("ProductList.Products[0].CatalogCode", equalTo("07216001001000000"))
                .body("ProductList.Products[0].DeliverySumWithVat", equalTo(133000000.00f));
        given().auth().oauth2(token("admin-navoi")).get(orderPath).then().statusCode(200);
        given().auth().oauth2(token("provider2")).get(orderPath).then().statusCode(404);
    }

    private static int khorezmCount(String adminToken) {
        List<Map<String, Object>> byRegion = given().auth().oauth2(adminToken)
                .get(gateway + "/api/analytics/organizations/by-region")
                .then().statusCode(200).extract().jsonPath().getList("");
        return byRegion.stream().filter(row -> "1733".equals(row.get("regionCode")))
                .mapToInt(row -> ((Number) row.get("count")).intValue()).sum();
    }

    private static Map<String, Object> registration(String stir, String region, String legalName) {
        return Map.of(
                "organization", Map.of("kind", "ENTERPRISE", "legalName", legalName, "stir", stir, "regionCode", region,
                        "districtCode", region + "401", "zoneType", "NONE", "sectors", List.of("BUILDING_MATERIALS"),
                        "contactPhone", "+998622220000", "contactEmail", "info-" + stir + "@xorazm.uz",
                        "address", "Xorazm viloyati, Urganch shahri, Al-Xorazmiy ko'chasi, 8-uy"),
                "user", Map.of("firstName", "Ulug'bek", "lastName", "Sobirov", "email", "manager-" + stir + "@xorazm.uz"));
    }

    /**
     * Reads the registration's code from the launcher's mail page, as a user of ./run does, and
     * confirms it through the gateway with {@code password}.
     */
    @SuppressWarnings("unchecked")
    private static io.restassured.response.ValidatableResponse confirm(String email, String password) {
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("(?m)^Code: ([A-Za-z0-9_-]+)\\s*$");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<Map<String, Object>> mails = given().queryParam("to", email).get(platform.mail().webUrl() + "/messages")
                    .then().statusCode(200).extract().as(List.class);
            for (Map<String, Object> mail : mails) {
                var found = code.matcher((String) mail.get("text"));
                if (found.find()) {
                    return given().contentType(ContentType.JSON).body(Map.of("code", found.group(1), "password", password))
                            .post(gateway + "/api/catalog/registrations/confirmation").then().statusCode(200);
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no confirmation mail to " + email + " within 15 s: " + mails);
            }
            sleep(100);
        }
    }

    @Test
    void withoutAValidTokenTheGatewayAnswers401AsAProblem() {
        String url = gateway + "/api/analytics/organizations/by-region";
        given().get(url).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));

        String admin = token("admin1");
        String tampered = admin.substring(0, admin.length() - 4) + (admin.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).get(url).then().statusCode(401).body("status", equalTo(401));
        given().auth().oauth2("not-a-jwt").get(url).then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefusedByTheGatewayAndByTheService() {
        String adminApi = keycloakAdminToken();
        String clientId = "e2e-short-lived-" + System.nanoTime();
        given().auth().oauth2(adminApi).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "attributes", Map.of("access.token.lifespan", "2"),
                        // The region claim too, as aqlli-web's tokens carry it: analytics are scoped by it.
                        "protocolMappers", List.of(audienceMapper(), regionMapper())))
                .post(platform.keycloakUrl() + "/admin/realms/aqlli/clients")
                .then().statusCode(201);
        String shortLived = passwordToken(clientId, "admin1");
        given().auth().oauth2(shortLived).get(gateway + "/api/analytics/organizations/by-region").then().statusCode(200);

        sleep(4000);
        given().auth().oauth2(shortLived).get(gateway + "/api/analytics/organizations/by-region").then().statusCode(401);
        given().auth().oauth2(shortLived).get(serviceUrl(PlatformApp.DATALAKE) + "/api/analytics/organizations/by-region")
                .then().statusCode(401);
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsRefused() {
        String adminApi = keycloakAdminToken();
        String clientId = "e2e-other-audience-" + System.nanoTime();
        given().auth().oauth2(adminApi).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true))
                .post(platform.keycloakUrl() + "/admin/realms/aqlli/clients")
                .then().statusCode(201);
        String foreign = passwordToken(clientId, "admin1");
        given().auth().oauth2(foreign).get(gateway + "/api/analytics/organizations/by-region").then().statusCode(401);
        given().auth().oauth2(foreign).get(serviceUrl(PlatformApp.DATALAKE) + "/api/analytics/organizations/by-region")
                .then().statusCode(401);
    }

    @Test
    void theWrongRoleGets403AtTheGatewayAndAtTheService() {
        String enterprise = token("enterprise1");
        given().auth().oauth2(enterprise).get(gateway + "/api/analytics/organizations/by-region")
                .then().statusCode(403).contentType("application/problem+json");
        // Past the gateway (any signed-in user may reach /api/catalog) the service checks the role itself.
        given().auth().oauth2(enterprise).contentType(ContentType.JSON).body(Map.of("decision", "SUSPEND", "reason", "no"))
                .post(gateway + "/api/catalog/organizations/a1b2c3d4-0000-4000-8000-000000000002/decisions")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void theGatewayPassesAServicesProblemDetailsThroughUnchanged() {
        given().header("X-Request-Id", "e2e-request-1").contentType(ContentType.JSON)
                .body(registration("12345", "1726", "Toshkent IT Park rezidenti"))
                .post(gateway + "/api/catalog/registrations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .header("X-Request-Id", equalTo("e2e-request-1"))
                .body("errors.field", hasItem("organization.stir"))
                .body("requestId", equalTo("e2e-request-1"))
                .body("instance", equalTo("/api/catalog/registrations"));
    }

    @Test
    void theGatewayIsReadyOnlyWithEveryService() {
        given().get(gateway + "/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream services' }.data.catalog", equalTo("UP"))
                .body("checks.find { it.name == 'upstream services' }.data.datalake", equalTo("UP"))
                .body("status", not(equalTo("DOWN")));
    }

    @Test
    void theCatalogServiceAccountAnswersOnlyToTheGeneratedSecret() {
        String tokens = platform.realmUrl() + "/protocol/openid-connect/token";
        // The secret that used to be committed in the realm file and catalog's defaults.
        given().formParam("grant_type", "client_credentials").formParam("client_id", "aqlli-catalog")
                .formParam("client_secret", "aqlli-catalog-local-secret")
                .post(tokens).then().statusCode(401);
        given().formParam("grant_type", "client_credentials").formParam("client_id", "aqlli-catalog")
                .formParam("client_secret", platform.secrets().get(Secrets.CATALOG_CLIENT))
                .post(tokens).then().statusCode(200).body("access_token", notNullValue());
        // Nor is Keycloak's administrator admin/admin any more (a wrong user password is a 400 in OAuth).
        given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void theDatabaseLetsNoOneInWithoutTheirGeneratedPassword() throws Exception {
        String catalog = "jdbc:postgresql://localhost:" + platform.settings().postgresPort() + "/catalog";
        for (String[] login : List.of(new String[]{"catalog", "catalog"}, new String[]{"catalog", ""}, new String[]{"postgres", ""})) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(catalog, login[0], login[1]).close(),
                    login[0] + " got in with the password '" + login[1] + "'");
        }
        try (Connection connection = DriverManager.getConnection(catalog, "catalog", platform.secrets().get(Secrets.databaseRole("catalog")));
             ResultSet durable = connection.createStatement().executeQuery("show synchronous_commit")) {
            durable.next();
            assertEquals("on", durable.getString(1), "a commit answered 201 must survive a crash of PostgreSQL");
        }
    }

    @Test
    void everyProcessOfThePlatformListensOnLoopbackOnly() throws Exception {
        Map<Long, InetSocketAddress> listening = listeningSockets();
        Map<InetSocketAddress, String> sockets = new java.util.HashMap<>();
        for (ProcessHandle process : platform.processes()) {
            Path fds = Path.of("/proc", String.valueOf(process.pid()), "fd");
            if (!Files.isDirectory(fds)) {
                continue; // a wrapper that has exited meanwhile
            }
            try (var links = Files.list(fds)) {
                for (Path fd : links.toList()) {
                    String target;
                    try {
                        target = Files.readSymbolicLink(fd).toString();
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    if (target.startsWith("socket:[")) {
                        InetSocketAddress address = listening.get(Long.parseLong(target.substring(8, target.length() - 1)));
                        if (address != null) {
                            sockets.put(address, process.pid() + " " + process.info().command().orElse("?"));
                        }
                    }
                }
            }
        }
        // The test sees what it checks: the gateway's, Keycloak's and PostgreSQL's own listeners are among them.
        for (int port : List.of(platform.settings().port(PlatformApp.GATEWAY), platform.settings().keycloakPort(),
                platform.settings().postgresPort())) {
            assertTrue(sockets.keySet().stream().anyMatch(a -> a.getPort() == port), "nothing listens on " + port + ": " + sockets);
        }
        Map<InetSocketAddress, String> beyondLoopback = new java.util.HashMap<>(sockets);
        beyondLoopback.keySet().removeIf(address -> address.getAddress().isLoopbackAddress());
        assertEquals(Map.of(), beyondLoopback, "listening beyond this machine (all listeners: " + sockets + ")");
    }

    /** Linux's tables of TCP sockets in state LISTEN (0A): inode to local address. */
    private static Map<Long, InetSocketAddress> listeningSockets() throws Exception {
        Map<Long, InetSocketAddress> listening = new java.util.HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows = Files.readAllLines(Path.of(table));
            for (String row : rows.subList(1, rows.size())) {
                String[] columns = row.trim().split("\\s+");
                if (columns[3].equals("0A")) {
                    String[] local = columns[1].split(":");
                    byte[] ip = HexFormat.of().parseHex(local[0]);
                    // The kernel prints the address as 32-bit words in host (little-endian) order.
                    for (int word = 0; word < ip.length; word += 4) {
                        for (int i = 0; i < 2; i++) {
                            byte swapped = ip[word + i];
                            ip[word + i] = ip[word + 3 - i];
                            ip[word + 3 - i] = swapped;
                        }
                    }
                    // An IPv4-mapped IPv6 address comes back as the IPv4 one.
                    listening.put(Long.parseLong(columns[9]),
                            new InetSocketAddress(InetAddress.getByAddress(ip), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listening;
    }

    private static Map<String, Object> audienceMapper() {
        return Map.of("name", "aqlli-api audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", "aqlli-api", "access.token.claim", "true"));
    }

    private static Map<String, Object> regionMapper() {
        return Map.of("name", "region claim", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                "config", Map.of("user.attribute", "region_code", "claim.name", "region", "jsonType.label", "String",
                        "access.token.claim", "true"));
    }

    private static String token(String demoUser) {
        return passwordToken("aqlli-web", demoUser);
    }

    private static String passwordToken(String clientId, String user) {
        return passwordToken(clientId, user, user);
    }

    private static String passwordToken(String clientId, String user, String password) {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", user).formParam("password", password)
                .post(platform.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String keycloakAdminToken() {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", Secrets.KEYCLOAK_ADMIN_USER).formParam("password", platform.secrets().get(Secrets.KEYCLOAK_ADMIN))
                .post(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String serviceUrl(PlatformApp app) {
        return "http://localhost:" + platform.settings().port(app);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
