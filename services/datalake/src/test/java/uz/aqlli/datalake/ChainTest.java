package uz.aqlli.datalake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.datalake.chain.ChainKey;
import uz.aqlli.datalake.chain.ChainVerifier;
import uz.aqlli.launcher.Secrets;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.DirectoryEvents;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.TestInfrastructure;
import uz.aqlli.platform.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lake's tamper-evident record: every stored event chained once, checkpoints signed and public,
 * and a verification that names exactly the entry someone with the database changed behind the
 * service's back (as the superuser, the append-only trigger switched off, as an attacker would).
 * Every tampering is undone before the test ends, so the shared lake stays whole for the others.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "datalake"))
class ChainTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    EntityManager entityManager;

    @Test
    void everyStoredEventIsChainedOnceAndTheChainVerifies() {
        String twice = UUID.randomUUID().toString();
        String organization = UUID.randomUUID().toString();
        publishRegistration(twice, organization, "1724");
        publishRegistration(twice, organization, "1724");
        String marker = stored(UUID.randomUUID().toString());
        stored(twice);

        assertEquals(1, count("select count(*) from raw_event where event_id = '" + twice + "'"));
        assertEquals(count("select count(*) from raw_event where chain_hash is not null"), count("select size from chain_head"),
                "a duplicate delivery added an entry, or an entry went unchained");
        assertEquals(count("select lake_seq from raw_event where event_id = '" + marker + "'"), count("select last_seq from chain_head"));

        JsonPath result = verify();
        assertEquals(true, result.getBoolean("intact"), result.prettify());
        assertEquals(count("select size from chain_head"), result.getLong("entries"));
    }

    @Test
    void aStoredEventEditedAsTheSuperuserIsNamedExactly() throws SQLException {
        String before = stored(UUID.randomUUID().toString());
        String edited = stored(UUID.randomUUID().toString());
        String after = stored(UUID.randomUUID().toString());
        assertEquals(true, verify().getBoolean("intact"));

        try (Connection attacker = superuser(); Statement sql = attacker.createStatement()) {
            String original = text(sql, "select payload::text from raw_event where event_id = '" + edited + "'");
            asAttacker(sql, "update raw_event set payload = payload || '{\"tampered\": true}' where event_id = '" + edited + "'");
            try {
                JsonPath result = verify();
                assertEquals(false, result.getBoolean("intact"));
                assertEquals(edited, result.getString("firstMismatch.eventId"), result.prettify());
                assertEquals(count("select lake_seq from raw_event where event_id = '" + edited + "'"), result.getLong("firstMismatch.lakeSeq"));
                // The command says the same, from the database alone.
                java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
                assertEquals(1, verifierCommand(publishedKey(), printed));
                assertTrue(printed.toString(StandardCharsets.UTF_8).contains("event " + edited + ":"), printed.toString(StandardCharsets.UTF_8));
            } finally {
                asAttacker(sql, "update raw_event set payload = '" + original.replace("'", "''") + "'::jsonb where event_id = '" + edited + "'");
            }
        }
        assertEquals(true, verify().getBoolean("intact"), "the chain did not heal when the event was put back");
        assertTrue(before != null && after != null);
    }

    @Test
    void aRemovedEntryAndTwoSwappedOnesAreNamed() throws SQLException {
        stored(UUID.randomUUID().toString());
        String removed = stored(UUID.randomUUID().toString());
        String next = stored(UUID.randomUUID().toString());
        String first = stored(UUID.randomUUID().toString());
        String second = stored(UUID.randomUUID().toString());

        try (Connection attacker = superuser(); Statement sql = attacker.createStatement()) {
            sql.execute("create temporary table taken as select * from raw_event where event_id = '" + removed + "'");
            asAttacker(sql, "delete from raw_event where event_id = '" + removed + "'");
            try {
                JsonPath result = verify();
                assertEquals(next, result.getString("firstMismatch.eventId"), "the entry after the gap: " + result.prettify());
            } finally {
                asAttacker(sql, "insert into raw_event select * from taken");
            }
            assertEquals(true, verify().getBoolean("intact"));

            // The same kind of event, their contents swapped between two places in the chain.
            asAttacker(sql, swap(first, second));
            try {
                JsonPath result = verify();
                assertEquals(first, result.getString("firstMismatch.eventId"), result.prettify());
            } finally {
                asAttacker(sql, swap(first, second));
            }
        }
        assertEquals(true, verify().getBoolean("intact"));
    }

    @Test
    void checkpointsArePublicSignedWithThePublishedKeyAndAForgedOneIsReported() throws Exception {
        stored(UUID.randomUUID().toString());
        String admin = Tokens.demoUser(realmUrl, "admin1");
        JsonPath issued = given().auth().oauth2(admin).post("/api/analytics/transparency/checkpoints")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(count("select size from chain_head"), issued.getLong("treeSize"));
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin-bukhara")).post("/api/analytics/transparency/checkpoints")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.demoUser(realmUrl, "provider1")).post("/api/analytics/transparency/verifications")
                .then().statusCode(403);

        // Anyone checks it with the published key alone, as docs/transparency.md says.
        JsonPath latest = given().get("/api/analytics/transparency/checkpoints").then().statusCode(200).extract().jsonPath();
        assertEquals(issued.getLong("treeSize"), latest.getLong("latest.treeSize"));
        String publicKey = given().get("/api/analytics/transparency/public-key").then().statusCode(200)
                .extract().jsonPath().getString("publicKey");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        String signed = "aqlli-lake-checkpoint\n" + latest.getLong("latest.treeSize") + "\n" + latest.getString("latest.rootHash") + "\n"
                + latest.getLong("latest.lastSeq") + "\n" + latest.getString("latest.issuedAt") + "\n";
        assertEquals(signed, latest.getString("latest.signed"));
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getDecoder().decode(latest.getString("latest.signature"))));

        given().queryParam("limit", 0).get("/api/analytics/transparency/checkpoints")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));

        long size = issued.getLong("treeSize");
        try (Connection attacker = superuser(); Statement sql = attacker.createStatement()) {
            String original = text(sql, "select encode(signature, 'hex') from chain_checkpoint where tree_size = " + size);
            forgeCheckpoint(sql, "update chain_checkpoint set signature = decode(repeat('ab', 64), 'hex') where tree_size = " + size);
            try {
                JsonPath result = verify();
                assertEquals(false, result.getBoolean("intact"));
                List<Long> bad = result.getList("badCheckpoints.treeSize").stream().map(n -> ((Number) n).longValue()).toList();
                assertEquals(List.of(size), bad, result.prettify());
                assertNull(result.get("firstMismatch"), "the chain itself is whole");
            } finally {
                forgeCheckpoint(sql, "update chain_checkpoint set signature = decode('" + original + "', 'hex') where tree_size = " + size);
            }
        }
        assertEquals(true, verify().getBoolean("intact"));
    }

    @Test
    void aCheckpointReSignedWithAnotherKeyIsReportedAsSuch() throws Exception {
        stored(UUID.randomUUID().toString());
        JsonPath issued = given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1")).post("/api/analytics/transparency/checkpoints")
                .then().statusCode(200).extract().jsonPath();
        long size = issued.getLong("treeSize");
        byte[] message = issued.getString("signed").getBytes(StandardCharsets.UTF_8);
        String publishedKey = publishedKey();
        assertEquals(0, verifierCommand(publishedKey, new java.io.ByteArrayOutputStream()));

        // What a superuser who rewrote the chain would do to its checkpoints: sign them again, with a key of their own,
        // and store that key beside them. The signature holds for the key stored with it; only the lake's key is trusted.
        ChainKey forger = ChainKey.fromSecret(UUID.randomUUID().toString());
        try (Connection attacker = superuser(); Statement sql = attacker.createStatement()) {
            String originalKey = text(sql, "select encode(public_key, 'hex') from chain_checkpoint where tree_size = " + size);
            String originalSignature = text(sql, "select encode(signature, 'hex') from chain_checkpoint where tree_size = " + size);
            forgeCheckpoint(sql, "update chain_checkpoint set public_key = decode('" + HexFormat.of().formatHex(forger.publicKey())
                    + "', 'hex'), signature = decode('" + HexFormat.of().formatHex(forger.sign(message)) + "', 'hex') where tree_size = " + size);
            try {
                assertTrue(ChainKey.verify(forger.publicKey(), message, HexFormat.of().parseHex(
                        text(sql, "select encode(signature, 'hex') from chain_checkpoint where tree_size = " + size))), "the forgery holds for its own key");
                JsonPath result = verify();
                assertEquals(false, result.getBoolean("intact"), result.prettify());
                assertEquals(List.of(size), result.getList("badCheckpoints.treeSize").stream().map(n -> ((Number) n).longValue()).toList());
                assertEquals("signed by another key than the trusted one", result.getString("badCheckpoints[0].reason"));

                java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
                assertEquals(1, verifierCommand(publishedKey, printed), printed.toString(StandardCharsets.UTF_8));
                assertTrue(printed.toString(StandardCharsets.UTF_8).contains("BAD CHECKPOINT tree size " + size + ": signed by another key"),
                        printed.toString(StandardCharsets.UTF_8));
                // The command trusts no key it is not given.
                assertEquals(2, ChainVerifier.run(new String[0], TestInfrastructure.database().jdbcUrl("datalake"), "datalake",
                        TestInfrastructure.databasePassword("datalake"), new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
            } finally {
                forgeCheckpoint(sql, "update chain_checkpoint set public_key = decode('" + originalKey + "', 'hex'), signature = decode('"
                        + originalSignature + "', 'hex') where tree_size = " + size);
            }
        }
        assertEquals(true, verify().getBoolean("intact"));
    }

    private static String publishedKey() {
        return given().get("/api/analytics/transparency/public-key").then().statusCode(200).extract().jsonPath().getString("publicKey");
    }

    /** The verification command, from the database alone, trusting {@code publicKey} (base64). */
    private static int verifierCommand(String publicKey, java.io.ByteArrayOutputStream printed) {
        return ChainVerifier.run(new String[]{"--public-key-base64", publicKey}, TestInfrastructure.database().jdbcUrl("datalake"), "datalake",
                TestInfrastructure.databasePassword("datalake"), new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static String swap(String a, String b) {
        return "update raw_event r set payload = o.payload from raw_event o where (r.event_id, o.event_id) in (('"
                + a + "', '" + b + "'), ('" + b + "', '" + a + "'))";
    }

    private JsonPath verify() {
        return given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1")).post("/api/analytics/transparency/verifications")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The database's superuser, which the service never is. */
    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.database().jdbcUrl("datalake"), "postgres",
                TestInfrastructure.secrets().get(Secrets.POSTGRES_SUPERUSER));
    }

    private static void asAttacker(Statement sql, String change) throws SQLException {
        sql.execute("alter table raw_event disable trigger raw_event_append_only");
        try {
            sql.execute(change);
        } finally {
            sql.execute("alter table raw_event enable trigger raw_event_append_only");
        }
    }

    private static void forgeCheckpoint(Statement sql, String change) throws SQLException {
        sql.execute("alter table chain_checkpoint disable trigger chain_checkpoint_append_only");
        try {
            sql.execute(change);
        } finally {
            sql.execute("alter table chain_checkpoint enable trigger chain_checkpoint_append_only");
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private String stored(String eventId) {
        if (count("select count(*) from raw_event where event_id = '" + eventId + "'") == 0) {
            publishRegistration(eventId, UUID.randomUUID().toString(), "1724");
        }
        awaitTrue(() -> count("select count(*) from raw_event where event_id = '" + eventId + "'") == 1);
        return eventId;
    }

    private void publishRegistration(String eventId, String organizationId, String region) {
        PlatformEvents.publishAs(kafka, Topic.ORGANIZATIONS, eventId,
                DirectoryEvents.event(organizationId, "ENTERPRISE", region, "Registered", "PENDING", Instant.now()),
                Topic.ORGANIZATIONS.source(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private long count(String sql) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult())).longValue();
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
