package uz.aqlli.datalake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.datalake.api.RegionCount;
import uz.aqlli.datalake.lake.LakeFigures;
import uz.aqlli.datalake.lake.LakeFile;
import uz.aqlli.datalake.lake.LakeSealer;
import uz.aqlli.datalake.lake.LakeSnapshots;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.DirectoryEvents;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lake in Parquet files: sealed exactly once across a crash between placing a file and
 * recording it, read whole or not at all during sealing and compaction, readable by DuckDB by path
 * alone, rebuilt from Kafka equal to itself, and keeping what it does not know.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "datalake"))
class ParquetLakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    EntityManager entityManager;

    @Inject
    LakeSealer sealer;

    @Inject
    LakeSnapshots lake;

    @Inject
    ObjectMapper json;

    @Inject
    LakeFigures figures;

    @Inject
    uz.aqlli.datalake.lake.LakeRebuild rebuild;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aCrashBetweenPlacingTheFilesAndRecordingThemSealsEveryEventOnce() throws Exception {
        sealer.sealAll();
        Set<String> ids = publishRegistrations(20, "1706");
        awaitStored(ids);

        assertThrows(SimulatedCrash.class, () -> sealer.sealNext(() -> {
            throw new SimulatedCrash();
        }));
        // The files are in place but not in the manifest: readers of the lake still count the rows as hot, once.
        assertEquals(20, lakeCount(ids));
        assertEquals(1L, count("select count(*) from lake_seal where state = 'WRITING'"));
        List<Path> placed = parquetFiles();
        assertFalse(placed.isEmpty(), "the crashed seal placed no file");

        assertEquals(20, sealer.sealAll(), "the redone seal did not take exactly the crashed range");
        assertEquals(0L, count("select count(*) from lake_seal where state = 'WRITING'"));
        assertEquals(20, lakeCount(ids));
        assertEquals(0L, (long) lake.query(duckdb -> scalar(duckdb, "select count(*) from hot where event_id in " + inList(ids))), "sealed rows are still hot");
        // On disk, exactly the manifest's files: the redo wrote the same names, not a second copy.
        assertEquals(manifestPaths(), relative(parquetFiles()));
        assertEquals(20, plainRead(ids).size(), "a plain Parquet reader does not see each event once");
    }

    @Test
    void duckdbReadsTheFilesByPathWithoutThePlatform() throws Exception {
        Set<String> ids = publishRegistrations(5, "1712");
        awaitStored(ids);
        sealer.sealAll();

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             var statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("select event_id, topic, date, event_type, source, subject, time, "
                     + "kafka_partition, kafka_offset, json_extract_string(payload, '$.regionCode'), known from read_parquet('"
                     + sealer.root() + "/*/*/*.parquet', hive_partitioning = true) where event_id in " + inList(ids))) {
            Set<String> seen = new HashSet<>();
            while (rows.next()) {
                seen.add(rows.getString(1));
                assertEquals(Topic.ORGANIZATIONS.topicName(), rows.getString(2));
                assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tashkent")), rows.getObject(3, java.time.LocalDate.class));
                assertEquals("OrganizationRegistered", rows.getString(4));
                assertEquals(Topic.ORGANIZATIONS.source(), rows.getString(5));
                assertTrue(rows.getString(6) != null && rows.getObject(7) != null);
                assertTrue(rows.getLong(9) >= 0);
                assertEquals("1712", rows.getString(10));
                assertTrue(rows.getBoolean(11));
            }
            assertEquals(ids, seen);
        }
    }

    @Test
    void aReaderDuringSealingAndCompactionCountsEveryEventExactlyOnce() throws Exception {
        sealer.sealAll();
        Set<String> first = publishRegistrations(30, "1718");
        awaitStored(first);
        sealer.sealAll();
        Set<String> second = publishRegistrations(30, "1718");
        awaitStored(second);
        Set<String> all = new HashSet<>(first);
        all.addAll(second);

        // A reader on its own thread reads over and over; at each seam of the seal and the compaction the writer
        // waits until that reader has read the lake twice more, so reads provably fall inside each step.
        AtomicBoolean reading = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (reading.get()) {
                seen.add(lakeCount(all));
                reads.incrementAndGet();
            }
        });
        Runnable readTwiceMore = () -> {
            int at = reads.get();
            awaitTrue(() -> reads.get() >= at + 2 || reader.isDone(), Duration.ofSeconds(30));
        };
        List<String> seams = new ArrayList<>();
        assertTrue(30 <= sealer.sealNext(() -> {
            readTwiceMore.run();
            seams.add("sealed files placed");
        }), "the seal did not take the hot events");
        int merged = sealer.compact(2, () -> {
            readTwiceMore.run();
            seams.add("merged file placed");
        }, () -> {
            readTwiceMore.run();
            seams.add("retired files moved");
        });
        readTwiceMore.run();
        reading.set(false);
        reader.get();

        assertTrue(merged >= 2, "nothing was compacted");
        assertTrue(seams.containsAll(List.of("sealed files placed", "merged file placed", "retired files moved")), "a seam did not run: " + seams);
        assertTrue(seen.size() >= 2 * (seams.size() + 1), "the reader hardly read: " + seen.size());
        assertEquals(Set.of(60L), Set.copyOf(seen), "a reader saw a half-sealed or half-compacted lake");
        String folder = LakeFile.folder(Topic.ORGANIZATIONS.topicName(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tashkent")));
        List<LakeFile> current = lake.currentFiles().stream().filter(file -> file.path().startsWith(folder + "/")).toList();
        assertEquals(1, current.size(), "the partition is not one file after compaction: " + current);
        assertTrue(current.getFirst().compacted());
    }

    @Test
    void aClosedMonthBecomesOneFileOfItsTopicAndMonthWithItsRowsByTime() throws Exception {
        // Two seals of one closed month (March 2025 in Tashkent), each file's events published latest first.
        Instant monthStart = OffsetDateTime.parse("2025-03-01T00:00:00+05:00").toInstant();
        Set<String> ids = new HashSet<>();
        for (int seal = 0; seal < 2; seal++) {
            Set<String> batch = new HashSet<>();
            for (int day = 30; day >= 0; day -= 6) {
                Instant at = monthStart.plus(Duration.ofDays(day).plusHours(seal));
                batch.add(PlatformEvents.publish(kafka, Topic.ORGANIZATIONS, DirectoryEvents.event(UUID.randomUUID().toString(),
                        "ENTERPRISE", "1733", "Registered", "PENDING", at), Topic.ORGANIZATIONS.source(), at.atOffset(ZoneOffset.UTC)));
            }
            awaitStored(batch);
            sealer.sealAll();
            ids.addAll(batch);
        }
        String folder = "topic=" + Topic.ORGANIZATIONS.topicName() + "/month=2025-03";
        assertEquals(2, lake.currentFiles().stream().filter(file -> file.path().startsWith(folder + "/")).count(),
                "each seal of the month did not write one file in the month's folder");

        sealer.compact(1000); // far more files than any partition has: only a closed month is due
        List<LakeFile> month = lake.currentFiles().stream().filter(file -> file.path().startsWith(folder + "/")).toList();
        assertEquals(1, month.size(), "the closed month is not one file: " + month);
        assertTrue(month.getFirst().compacted());
        assertEquals(java.time.YearMonth.of(2025, 3), month.getFirst().month());
        assertEquals(ids.size(), lakeCount(ids));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             var statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("select event_id, topic, month, date, time from read_parquet('"
                     + sealer.root().resolve(month.getFirst().path()) + "', hive_partitioning = true)")) {
            Set<String> seen = new HashSet<>();
            OffsetDateTime previous = null;
            while (rows.next()) {
                seen.add(rows.getString(1));
                assertEquals(Topic.ORGANIZATIONS.topicName(), rows.getString(2));
                assertEquals("2025-03", rows.getString(3));
                OffsetDateTime time = rows.getObject(5, OffsetDateTime.class);
                assertEquals(time.atZoneSameInstant(java.time.ZoneId.of("Asia/Tashkent")).toLocalDate(),
                        rows.getObject(4, java.time.LocalDate.class), "a row's date is not its Tashkent day");
                assertTrue(previous == null || !time.isBefore(previous), "the file's rows are not in the order of their time");
                previous = time;
            }
            assertEquals(ids, seen, "the month's file does not hold every event of it once");
        }
    }

    @Test
    void anotherReplicaWritingTheLakeKeepsThisOneFromCompactingAndSweeping() throws Exception {
        for (int seal = 0; seal < 2; seal++) {
            Set<String> batch = publishRegistrations(4, "1727");
            awaitStored(batch);
            sealer.sealAll();
        }
        Set<String> before = lake.currentFiles().stream().map(LakeFile::path).collect(Collectors.toSet());
        Path stray = sealer.root().resolve("topic=aqlli.catalog.organizations/date=2000-01-01/left-by-a-crash.parquet");
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "x");
        Set<String> hot = publishRegistrations(3, "1727");
        awaitStored(hot);

        // The other replica's sweep, compaction or seal holds the lake's advisory lock: two run at once here.
        try (Connection other = dataSource.getConnection()) {
            try (var statement = other.prepareStatement("select pg_advisory_lock(?)")) {
                statement.setLong(1, LakeSealer.WRITER_LOCK);
                statement.execute();
            }
            List<Integer> merged = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Void> sweeps = CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> merged.add(sealer.compact(2))),
                    CompletableFuture.runAsync(sealer::sweep));
            sweeps.get();
            assertEquals(List.of(0), merged, "this replica compacted while the other held the lake");
            assertEquals(0, sealer.sealAll(), "this replica sealed while the other held the lake");
            assertTrue(Files.exists(stray), "this replica swept while the other held the lake");
            assertEquals(before, lake.currentFiles().stream().map(LakeFile::path).collect(Collectors.toSet()));
            try (var statement = other.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, LakeSealer.WRITER_LOCK);
                statement.execute();
            }
        }
        assertTrue(sealer.sealAll() >= 3);
        assertTrue(sealer.compact(2) >= 2, "the lake free again, nothing was compacted");
        assertFalse(Files.exists(stray), "the lake free again, the sweep left a stray file");
        assertEquals(11, lakeCountOf("1727"));
    }

    @Test
    void compactionKeepsEveryEventAndDeletesTheSmallFilesOnlyOnceTheyAreNoLongerRead() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int seal = 0; seal < 3; seal++) {
            Set<String> batch = publishRegistrations(10, "1724");
            awaitStored(batch);
            sealer.sealAll();
            ids.addAll(batch);
        }
        Set<String> before = lake.currentFiles().stream().map(LakeFile::path).collect(Collectors.toSet());
        Map<String, JsonNode> payloads = payloads(ids);

        sealer.compact(2);
        // Read by path right away, as Spark or DuckDB would, while the merged-away files wait out their grace period.
        assertEquals(ids, Set.copyOf(plainRead(ids, "/**/*.parquet")));
        assertEquals(30, plainRead(ids, "/**/*.parquet").size(), "a reader by path counts an event twice after compaction");
        assertEquals(30, lakeCount(ids));
        assertEquals(payloads, payloads(ids), "compaction changed a payload");
        assertTrue(before.stream().allMatch(path -> Files.exists(sealer.readable(path))),
                "a merged file was deleted while a reader could still hold it");
        Set<String> retired = new HashSet<>(before);
        retired.removeAll(lake.currentFiles().stream().map(LakeFile::path).collect(Collectors.toSet()));
        assertTrue(retired.size() >= 3, "compaction retired too little: " + retired);
        assertTrue(retired.stream().noneMatch(path -> Files.exists(sealer.root().resolve(path))), "a merged file is still in the layout");

        Thread.sleep(2500); // removed-files-kept in tests
        sealer.sweep();
        assertEquals(manifestPaths(), relative(parquetFiles()));
        assertTrue(retired.stream().noneMatch(path -> Files.exists(sealer.readable(path))), "a retired file outlived its grace period");
        assertEquals(30, plainRead(ids).size());
        assertEquals(ids, Set.copyOf(plainRead(ids)));
    }

    @Test
    void aKnownEventWithAFieldOfTheWrongTypeIsKeptRawWithTheReason() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode data = tree(DirectoryEvents.event(UUID.randomUUID().toString(), "ENTERPRISE", "1731", "Registered", "PENDING",
                Instant.now()));
        data.putObject("regionCode").put("code", 1731);
        sendRaw(Topic.ORGANIZATIONS.topicName(), id, "OrganizationRegistered", Topic.ORGANIZATIONS.source(), json.writeValueAsString(data));

        awaitTrue(() -> lakeCount(Set.of(id)) == 1, Duration.ofSeconds(30));
        assertEquals(false, known(id));
        String reason = (String) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select raw_reason from raw_event where event_id = :id").setParameter("id", id).getSingleResult());
        assertTrue(reason != null && reason.contains("regionCode"), "the reason does not name the field: " + reason);
        assertEquals(1731, payloads(Set.of(id)).get(id).get("regionCode").get("code").asInt(), "the payload was not kept as it came");
        sealer.sealAll();
        assertEquals(List.of(id), plainRead(Set.of(id)));
        var dead = EventTopics.all(kafka, Topic.DATALAKE_DEAD_LETTERS.topicName(), Duration.ofSeconds(3), r -> false).stream()
                .map(r -> EventTopics.header(r, "ce_id")).filter(id::equals).toList();
        assertEquals(List.of(), dead, "a kept event was dead-lettered too");
    }

    @Test
    void theRebuildsConsumerTakesTheServicesKafkaSettings() {
        Map<String, Object> settings = rebuild.consumerConfig();
        assertEquals("SCRAM-SHA-512", String.valueOf(settings.get("sasl.mechanism")), "a kafka.* security setting did not reach it");
        assertEquals("2000", String.valueOf(settings.get("metadata.max.age.ms")), "the live channel's setting did not reach it");
        assertEquals(kafka, String.valueOf(settings.get("bootstrap.servers")));
        assertFalse(settings.containsKey("group.id"), "a replay must not join the live consumer's group");
        assertEquals(false, settings.get("enable.auto.commit"));
    }

    @Test
    void anEventOfATypeOrTopicTheLakeDoesNotKnowIsKeptFlaggedAndAFieldAddedToAKnownOneBreaksNothing() throws Exception {
        String unknownType = UUID.randomUUID().toString();
        sendRaw(Topic.ORGANIZATIONS.topicName(), unknownType, "OrganizationMerged", Topic.ORGANIZATIONS.source(),
                "{\"organizationId\":\"x\",\"into\":\"y\"}");
        String newTopic = "aqlli.tenders.lots";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic(newTopic, 1, (short) 1))).all().get();
        }
        String unknownTopic = UUID.randomUUID().toString();
        sendRaw(newTopic, unknownTopic, "LotPublished", "/aqlli/tenders", "{\"lotId\":\"l-1\"}");
        String widened = UUID.randomUUID().toString();
        String organization = UUID.randomUUID().toString();
        sendRaw(Topic.ORGANIZATIONS.topicName(), widened, "OrganizationRegistered", Topic.ORGANIZATIONS.source(),
                json.writeValueAsString(this.<ObjectNode>tree(DirectoryEvents.event(organization, "ENTERPRISE", "1730", "Registered",
                        "PENDING", Instant.now())).put("loyaltyTier", "GOLD")));

        awaitTrue(() -> lakeCount(Set.of(unknownType, unknownTopic, widened)) == 3, Duration.ofSeconds(40));
        assertEquals(false, known(unknownType));
        assertEquals(false, known(unknownTopic));
        assertEquals(true, known(widened));
        assertEquals("GOLD", payloads(Set.of(widened)).get(widened).get("loyaltyTier").asText());
        sealer.sealAll();
        assertEquals(false, known(unknownType), "sealing lost the unknown flag");
        assertEquals(Set.of(unknownType, unknownTopic, widened), Set.copyOf(plainRead(Set.of(unknownType, unknownTopic, widened))));
        var dead = EventTopics.all(kafka, Topic.DATALAKE_DEAD_LETTERS.topicName(), Duration.ofSeconds(3), r -> false).stream()
                .map(r -> EventTopics.header(r, "ce_id")).filter(id -> id != null && Set.of(unknownType, unknownTopic, widened).contains(id))
                .toList();
        assertEquals(List.of(), dead, "a kept event was dead-lettered too");
    }

    @Test
    void aSealedEventDeliveredAgainIsStillInTheLakeOnce() {
        String eventId = UUID.randomUUID().toString();
        String organization = UUID.randomUUID().toString();
        publishAs(eventId, organization, "1735");
        awaitStored(Set.of(eventId));
        sealer.sealAll();
        publishAs(eventId, organization, "1735");
        String marker = UUID.randomUUID().toString();
        publishAs(marker, UUID.randomUUID().toString(), "1735");
        awaitStored(Set.of(marker));
        sealer.sealAll();
        assertEquals(1, lakeCount(Set.of(eventId)));
    }

    @Test
    void theLakeRebuiltFromKafkaHoldsTheSameEventsAndTheSameFigures() throws Exception {
        // Every record so far is in the live lake once the marker, published last, is.
        Set<String> ids = publishRegistrations(10, "1703");
        awaitStored(ids);
        sealer.sealAll();
        Set<String> hot = publishRegistrations(3, "1703"); // and some left hot
        awaitStored(hot);

        var started = given().auth().oauth2(token("admin1")).post("/api/analytics/lake/rebuilds")
                .then().statusCode(202).extract();
        String job = started.header("Location");
        assertTrue(job != null && job.endsWith("/api/analytics/lake/rebuilds/" + started.path("id")), "no job to watch: " + job);
        given().auth().oauth2(token("admin-bukhara")).post("/api/analytics/lake/rebuilds")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("admin1")).get("/api/analytics/lake/rebuilds/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        awaitTrue(() -> !List.of("QUEUED", "RUNNING").contains(given().auth().oauth2(token("admin1")).get(job)
                .then().statusCode(200).extract().<String>path("state")), Duration.ofSeconds(60));
        var outcome = given().auth().oauth2(token("admin1")).get(job).then().statusCode(200).extract();
        assertEquals("DONE", outcome.path("state"), "the rebuild failed: " + outcome.path("failure"));
        String folder = outcome.path("outcome.folder");
        long events = ((Number) outcome.path("outcome.events")).longValue();
        assertEquals(events, ((Number) outcome.path("events")).longValue());
        // Written a bounded batch at a time (rebuild-batch-events is 7 in tests): at least a file per batch.
        assertTrue(((Number) outcome.path("outcome.files")).longValue() >= (events + 6) / 7, "the rebuild was not written in batches");

        String columns = "event_id, event_type, source, subject, time, topic, kafka_partition, kafka_offset, known, payload";
        List<List<Object>> live = lake.query(duckdb -> rows(duckdb, "select " + columns + " from lake_event order by event_id"));
        List<List<Object>> rebuilt = lake.queryFolder(Path.of(folder),
                duckdb -> rows(duckdb, "select " + columns + " from lake_event order by event_id"));
        assertTrue(live.size() > 13, "the lake holds too little to compare: " + live.size());
        assertEquals(live.stream().map(row -> row.getFirst()).toList(), rebuilt.stream().map(row -> row.getFirst()).toList(),
                "the rebuilt lake holds other events");
        assertEquals(normalized(live), normalized(rebuilt), "an event differs in the rebuilt lake");
        List<RegionCount> figure = figures.organizationsByRegion(Optional.empty());
        assertEquals(figure, figures.organizationsByRegion(Path.of(folder), Optional.empty()));
        assertTrue(figure.stream().anyMatch(count -> count.regionCode().equals("1703") && count.count() >= 13));
    }

    @Test
    void theDomainTopicsKeepTheirRecordsAndTheDeadLettersDoNot() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            var organizations = new ConfigResource(ConfigResource.Type.TOPIC, Topic.ORGANIZATIONS.topicName());
            var deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, Topic.DATALAKE_DEAD_LETTERS.topicName());
            var configs = admin.describeConfigs(List.of(organizations, deadLetters)).all().get();
            assertEquals("-1", configs.get(organizations).get("retention.ms").value());
            assertEquals("-1", configs.get(organizations).get("retention.bytes").value());
            assertNotEquals("-1", configs.get(deadLetters).get("retention.ms").value());
        }
    }

    // --- helpers

    /**
     * A demo user's token. Keycloak shares the test PostgreSQL, which LakeOutageTest kills and
     * restarts: its token endpoint answers 500 until its own pool has new connections.
     */
    private String token(String user) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return Tokens.demoUser(realmUrl, user);
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final class SimulatedCrash extends RuntimeException {
    }

    private Set<String> publishRegistrations(int count, String region) {
        Set<String> ids = new HashSet<>();
        try (var publisher = PlatformEvents.publisher(kafka)) {
            for (int i = 0; i < count; i++) {
                ids.add(publisher.publish(DirectoryEvents.event(UUID.randomUUID().toString(), "ENTERPRISE", region, "Registered",
                        "PENDING", Instant.now())));
            }
        }
        return ids;
    }

    private void publishAs(String eventId, String organization, String region) {
        PlatformEvents.publishAs(kafka, Topic.ORGANIZATIONS, eventId,
                DirectoryEvents.event(organization, "ENTERPRISE", region, "Registered", "PENDING", Instant.now()),
                Topic.ORGANIZATIONS.source(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private void sendRaw(String topic, String id, String type, String source, String data) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_subject", id);
        headers.put("ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        headers.put("content-type", "application/json");
        EventTopics.send(kafka, topic, id, data.getBytes(StandardCharsets.UTF_8), headers);
    }

    private <T extends JsonNode> T tree(Object value) {
        return json.valueToTree(value);
    }

    private long lakeCountOf(String region) {
        return lake.query(duckdb -> scalar(duckdb, "select count(*) from lake_event where json_extract_string(payload, '$.regionCode') = '"
                + region + "'"));
    }

    private long lakeCount(Collection<String> ids) {
        return lake.query(duckdb -> scalar(duckdb, "select count(*) from lake_event where event_id in " + inList(ids)));
    }

    private Boolean known(String id) {
        return lake.query(duckdb -> {
            try (var statement = duckdb.createStatement();
                 ResultSet rows = statement.executeQuery("select known from lake_event where event_id = '" + id + "'")) {
                return rows.next() ? rows.getBoolean(1) : null;
            }
        });
    }

    private Map<String, JsonNode> payloads(Set<String> ids) {
        return lake.query(duckdb -> {
            Map<String, JsonNode> payloads = new HashMap<>();
            try (var statement = duckdb.createStatement();
                 ResultSet rows = statement.executeQuery("select event_id, payload from lake_event where event_id in " + inList(ids))) {
                while (rows.next()) {
                    payloads.put(rows.getString(1), read(rows.getString(2)));
                }
            }
            return payloads;
        });
    }

    /** The event ids of {@code ids} that DuckDB finds in the lake folder's files, by path alone (repeats kept). */
    private List<String> plainRead(Set<String> ids) throws SQLException {
        return plainRead(ids, "/*/*/*.parquet");
    }

    private List<String> plainRead(Set<String> ids, String glob) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             var statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("select event_id from read_parquet('" + sealer.root()
                     + glob + "', hive_partitioning = true) where event_id in " + inList(ids))) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        }
    }

    private List<Path> parquetFiles() throws Exception {
        if (!Files.isDirectory(sealer.root())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sealer.root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The files' paths as the manifest names them (a retired file's too, waiting out its grace period in the retired folder). */
    private Set<String> relative(List<Path> files) {
        String retired = LakeSealer.RETIRED + "/";
        return files.stream().map(file -> sealer.root().relativize(file).toString())
                .map(path -> path.startsWith(retired) && path.endsWith(".retired")
                        ? path.substring(retired.length(), path.length() - ".retired".length()) : path)
                .collect(Collectors.toSet());
    }

    private Set<String> manifestPaths() {
        @SuppressWarnings("unchecked")
        List<String> paths = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select path from lake_file").getResultList());
        return Set.copyOf(paths);
    }

    private static long scalar(java.sql.Connection duckdb, String sql) throws SQLException {
        try (var statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<List<Object>> rows(java.sql.Connection duckdb, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (var statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i) == null ? null : result.getObject(i).toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The payload column (the last) compared as JSON: PostgreSQL's jsonb spells it differently from the producer. */
    private List<List<Object>> normalized(List<List<Object>> rows) {
        return rows.stream().map(row -> {
            List<Object> copy = new ArrayList<>(row);
            copy.set(copy.size() - 1, read((String) copy.getLast()));
            return copy;
        }).toList();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String inList(Collection<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
    }

    private void awaitStored(Set<String> ids) {
        awaitTrue(() -> count("select count(*) from raw_event where event_id in " + inList(ids)) == ids.size(), Duration.ofSeconds(30));
    }

    private long count(String sql) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult())).longValue();
    }

    private static void awaitTrue(Supplier<Boolean> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
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
