package uz.aqlli.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractAmended;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.MilestoneAccepted;
import uz.aqlli.platform.events.MilestoneDelivered;
import uz.aqlli.platform.events.MilestoneFacts;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.PaymentRecorded;
import uz.aqlli.platform.events.QuestionAnswered;
import uz.aqlli.platform.events.RequestAwardDeclined;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestCancelled;
import uz.aqlli.platform.events.RequestUnsuccessful;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open data from the real event stream: offers' and orders' records published on their topics as the
 * producers do, read back through every public route without a token, each release, record and package
 * validated against the OCDS 1.1.5 schemas.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "opendata"))
class OpenDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    @Inject
    EntityManager entityManager;

    @Test
    void aTenderFromPublicationToCompletionIsPublishedReleaseByReleaseAndTheSealHoldsUntilTheAward() throws Exception {
        Tender tender = new Tender();
        Tender.Party winner = new Tender.Party("PROVIDER", "Winner");
        Tender.Party runnerUp = new Tender.Party("PROVIDER", "RunnerUp");
        List.of(tender.buyer, winner, runnerUp).forEach(Tender::register);
        UUID winningBid = UUID.randomUUID();
        UUID otherBid = UUID.randomUUID();
        BigDecimal winningPrice = new BigDecimal("912345.67");
        BigDecimal otherPrice = new BigDecimal("1023456.78");
        BigDecimal privateBudget = new BigDecimal("987654.32");

        Tender.publish(tender.published(null));
        QuestionAnswered answered = new QuestionAnswered(tender.requestId, UUID.randomUUID(), "Muddat?", "60 kun",
                tender.publishedAt.plusSeconds(7_200));
        String answerId = Tender.publish(answered);
        Tender.publishAgain(answerId, answered);
        Tender.publish(tender.bid(winningBid));
        Tender.publish(tender.bid(otherBid));
        Tender.publish(tender.revealed(List.of(
                new BidsRevealed.RevealedBid(winningBid, winner.id(), winningPrice, 60, tender.publishedAt.plusSeconds(3_600)),
                new BidsRevealed.RevealedBid(otherBid, runnerUp.id(), otherPrice, 45, tender.publishedAt.plusSeconds(5_000)))));
        awaitSealed(tender.ocid(), sealed -> sealed.path("revealedBids").size() == 2);

        // Before the award: the bids are revealed to the buyer, but not to anyone here.
        assertEquals(2, releasesOf(tender.ocid()).size(), "tender and the answered question; bids make no release, a redelivery none");
        for (String published : everythingPublic(tender.ocid())) {
            for (String sealed : List.of(winner.id().toString(), runnerUp.id().toString(), winner.name(), runnerUp.name(),
                    winner.stir(), runnerUp.stir(), winningBid.toString(), otherBid.toString(), "912345.67", "1023456.78",
                    "987654.32")) {
                assertFalse(published.contains(sealed), "sealed " + sealed + " is public before the award: " + published);
            }
        }
        JsonNode beforeAward = record(tender.ocid()).at("/records/0/compiledRelease");
        assertFalse(beforeAward.has("bids"));
        assertFalse(beforeAward.get("tender").has("numberOfTenderers"));
        assertFalse(beforeAward.get("tender").has("value"), "a private budget is not public before the award");

        Instant awardedAt = Instant.now().minusSeconds(1_800);
        Tender.publish(new RequestAwarded(tender.requestId, tender.buyer.id(), "ERP", Map.of("uz-Latn", "ERP tizimini joriy etish"),
                List.of("1703"), winningBid, winner.id(), winningPrice, 60, "LOWEST_PRICE", true, 2, null, privateBudget, awardedAt));
        awaitReleases(tender.ocid(), 3);

        UUID contractId = UUID.randomUUID();
        ContractFacts pending = tender.contract(contractId, winningBid, winner, "PENDING", winningPrice);
        ContractFacts active = tender.contract(contractId, winningBid, winner, "ACTIVE", winningPrice);
        LocalDate firstDue = LocalDate.now(TASHKENT).plusDays(20);
        LocalDate secondDue = LocalDate.now(TASHKENT).plusDays(40);
        BigDecimal first = new BigDecimal("600000.00");
        BigDecimal second = new BigDecimal("312345.67");
        Tender.publish(new ContractCreated(pending, Map.of("uz-Latn", "ERP tizimini joriy etish"), List.of("1703"), 60, awardedAt,
                awardedAt.plusSeconds(1)));
        Tender.publish(new MilestonePlanProposed(pending, 1, List.of(
                new MilestonePlanProposed.Milestone(1, "O'rnatish", "DELIVERY", first, firstDue),
                new MilestonePlanProposed.Milestone(2, "To'lov", "PAYMENT", second, secondDue)), awardedAt.plusSeconds(60)));
        Tender.publish(new ContractSigned(pending, "BUYER", 1, awardedAt.plusSeconds(120), null));
        Instant signedAt = awardedAt.plusSeconds(180);
        Tender.publish(new ContractSigned(active, "SUPPLIER", 1, signedAt, signedAt));
        MilestoneFacts delivered = new MilestoneFacts(1, "O'rnatish", "DELIVERY", "DELIVERED", first, firstDue, null, null, null);
        Tender.publish(new MilestoneDelivered(active, delivered, 1, signedAt.plusSeconds(60), signedAt.plusSeconds(86_400)));
        Instant metAt = signedAt.plusSeconds(120);
        MilestoneFacts met = new MilestoneFacts(1, "O'rnatish", "DELIVERY", "MET", first, firstDue, first, metAt, null);
        Tender.publish(new MilestoneAccepted(active, met, "MET", first, false, metAt));
        Tender.publish(new PaymentRecorded(active, met, first, LocalDate.now(TASHKENT), first, first, signedAt.plusSeconds(180)));
        LocalDate movedDue = secondDue.plusDays(10);
        Tender.publish(new ContractAmended(active, 1, "durationExtension", "Muddat uzaytirildi", "SUPPLIER", winningPrice, null,
                winningPrice, List.of(new ContractAmended.Change(2, null, movedDue)), signedAt.plusSeconds(240)));
        ContractFacts done = tender.contract(contractId, winningBid, winner, "COMPLETED", winningPrice);
        Tender.publish(new ContractCompleted(done, winningPrice, winningPrice, winningPrice, winningPrice, signedAt.plusSeconds(300)));

        // tender, question, award, contract, signature, delivery, acceptance, payment, amendment, completion;
        // the plan proposal and the first signature change nothing OCDS shows.
        List<JsonNode> releases = awaitReleases(tender.ocid(), 10);
        assertEquals(List.of("tender", "tenderUpdate", "award", "contract", "contractUpdate", "implementationUpdate",
                        "implementationUpdate", "implementation", "contractAmendment", "contractTermination"),
                releases.stream().map(release -> release.get("tag").get(0).asText()).toList());
        assertEquals(List.of("award", "tenderUpdate"), JSON.convertValue(releases.get(2).get("tag"), List.class));
        for (int i = 1; i < releases.size(); i++) {
            assertFalse(Instant.parse(releases.get(i).get("date").asText()).isBefore(Instant.parse(releases.get(i - 1).get("date").asText())),
                    "release dates never go back");
        }

        JsonNode recordPackage = record(tender.ocid());
        OcdsSchemas.recordPackage(recordPackage);
        JsonNode compiled = recordPackage.at("/records/0/compiledRelease");
        assertEquals(tender.ocid(), compiled.get("ocid").asText());
        assertEquals("[\"compiled\"]", compiled.get("tag").toString());
        assertEquals("complete", compiled.at("/tender/status").asText());
        assertEquals(2, compiled.at("/tender/numberOfTenderers").asInt());
        assertEquals("ERP", compiled.at("/tender/items/0/classification/id").asText());
        assertEquals("Внедрение ERP", compiled.at("/tender/title_ru").asText());
        assertEquals("priceOnly", compiled.at("/tender/awardCriteria").asText());
        assertEquals(0, new BigDecimal(compiled.at("/tender/value/amount").asText()).compareTo(privateBudget),
                "the private budget, public once the request is awarded");
        assertEquals(2, compiled.at("/bids/details").size());
        assertEquals(0, new BigDecimal(compiled.at("/bids/details/0/value/amount").asText()).compareTo(winningPrice));
        assertEquals(runnerUp.id().toString(), compiled.at("/bids/details/1/tenderers/0/id").asText());
        assertEquals(runnerUp.name(), compiled.at("/bids/details/1/tenderers/0/name").asText());
        assertEquals(2, compiled.at("/bids/statistics/0/value").asInt());
        assertEquals(winningBid.toString(), compiled.at("/awards/0/id").asText());
        assertEquals(winner.id().toString(), compiled.at("/awards/0/suppliers/0/id").asText());
        assertEquals("active", compiled.at("/awards/0/status").asText());

        assertEquals(List.of("buyer", "procuringEntity", "payer"), roles(compiled, tender.buyer));
        assertEquals(List.of("tenderer", "supplier", "payee"), roles(compiled, winner));
        assertEquals(List.of("tenderer"), roles(compiled, runnerUp));
        JsonNode winnerParty = party(compiled, winner);
        assertEquals("UZ-STIR", winnerParty.at("/identifier/scheme").asText());
        assertEquals(winner.stir(), winnerParty.at("/identifier/id").asText());
        assertEquals(winner.name(), winnerParty.get("name").asText());

        JsonNode contract = compiled.at("/contracts/0");
        assertEquals(contractId.toString(), contract.get("id").asText());
        assertEquals(winningBid.toString(), contract.get("awardID").asText());
        assertEquals("terminated", contract.get("status").asText());
        assertEquals(signedAt.toString(), contract.get("dateSigned").asText());
        assertEquals(2, contract.at("/implementation/milestones").size());
        assertEquals("met", contract.at("/implementation/milestones/0/status").asText());
        assertEquals("payment", contract.at("/implementation/milestones/1/type").asText());
        assertTrue(contract.at("/implementation/milestones/1/dueDate").asText().startsWith(movedDue.toString()), "the amended due date");
        assertEquals(contract.at("/implementation/milestones/1/dueDate").asText(), contract.at("/period/endDate").asText());
        assertEquals(1, contract.at("/implementation/transactions").size());
        assertEquals(0, new BigDecimal(contract.at("/implementation/transactions/0/value/amount").asText()).compareTo(first));
        assertEquals(tender.buyer.id().toString(), contract.at("/implementation/transactions/0/payer/id").asText());
        assertEquals(winner.id().toString(), contract.at("/implementation/transactions/0/payee/id").asText());
        JsonNode amendment = contract.at("/amendments/0");
        assertEquals("durationExtension", amendment.get("rationale").asText());
        assertEquals(releases.get(8).get("id").asText(), amendment.get("releaseID").asText());
        assertEquals(releases.get(7).get("id").asText(), amendment.get("amendsReleaseID").asText());

        JsonNode releasePackage = given().queryParam("ocid", tender.ocid()).get("/api/open-data/releases").then().statusCode(200)
                .extract().as(JsonNode.class);
        OcdsSchemas.releasePackage(releasePackage);
        assertEquals("1.1", releasePackage.get("version").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", releasePackage.get("license").asText());
        assertEquals("Aqlli elektron", releasePackage.at("/publisher/name").asText());
        assertEquals("UZ-STIR", releasePackage.at("/publisher/scheme").asText());
        assertEquals("309876543", releasePackage.at("/publisher/uid").asText());
        assertEquals(ContractingProcess.BIDS_EXTENSION, releasePackage.at("/extensions/0").asText());
        given().get(releasePackage.get("publicationPolicy").asText()).then().statusCode(200)
                .body(containsString("Publication policy"));
    }

    @Test
    void aCancelledTenderKeepsItsBidsSealedAndShowsItsPublicBudget() throws Exception {
        Tender tender = new Tender();
        Tender.register(tender.buyer);
        UUID bid = UUID.randomUUID();
        Tender.publish(tender.published(new BigDecimal("5000000.00")));
        Tender.publish(tender.bid(bid));
        Tender.publish(new RequestCancelled(tender.requestId, tender.buyer.id(), "OPEN", "Ehtiyoj qolmadi", Instant.now()));

        List<JsonNode> releases = awaitReleases(tender.ocid(), 2);
        assertEquals("tenderCancellation", releases.get(1).get("tag").get(0).asText());
        JsonNode recordPackage = record(tender.ocid());
        OcdsSchemas.recordPackage(recordPackage);
        JsonNode compiled = recordPackage.at("/records/0/compiledRelease");
        assertEquals("cancelled", compiled.at("/tender/status").asText());
        assertEquals(0, new BigDecimal(compiled.at("/tender/value/amount").asText()).compareTo(new BigDecimal("5000000")));
        assertFalse(compiled.has("bids"));
        for (String published : everythingPublic(tender.ocid())) {
            assertFalse(published.contains(bid.toString()));
        }
    }

    @Test
    void anUnsuccessfulTenderNeverShowsTheBidsRevealedToTheBuyer() throws Exception {
        Tender tender = new Tender();
        Tender.Party bidder = new Tender.Party("PROVIDER", "Bidder");
        List.of(tender.buyer, bidder).forEach(Tender::register);
        UUID bid = UUID.randomUUID();
        Tender.publish(tender.published(null));
        Tender.publish(tender.bid(bid));
        Tender.publish(tender.revealed(List.of(new BidsRevealed.RevealedBid(bid, bidder.id(), new BigDecimal("777777.77"), 30,
                tender.publishedAt.plusSeconds(60)))));
        Tender.publish(new RequestUnsuccessful(tender.requestId, tender.buyer.id(), false, "Narx juda yuqori", Instant.now()));

        List<JsonNode> releases = awaitReleases(tender.ocid(), 2);
        assertEquals("tenderUpdate", releases.get(1).get("tag").get(0).asText());
        JsonNode recordPackage = record(tender.ocid());
        OcdsSchemas.recordPackage(recordPackage);
        JsonNode compiled = recordPackage.at("/records/0/compiledRelease");
        assertEquals("unsuccessful", compiled.at("/tender/status").asText());
        assertFalse(compiled.get("tender").has("numberOfTenderers"), "without an award the number of bids stays the buyer's");
        assertFalse(compiled.has("bids"));
        for (String published : everythingPublic(tender.ocid())) {
            for (String sealed : List.of(bidder.id().toString(), bidder.name(), bidder.stir(), bid.toString(), "777777.77")) {
                assertFalse(published.contains(sealed), "sealed " + sealed + " is public: " + published);
            }
        }
    }

    @Test
    void anAwardTheSupplierDeclinesIsCancelledAndItsSupplierIsOneNoLonger() throws Exception {
        Tender tender = new Tender();
        Tender.Party declining = new Tender.Party("PROVIDER", "Declining");
        List.of(tender.buyer, declining).forEach(Tender::register);
        UUID bid = UUID.randomUUID();
        BigDecimal price = new BigDecimal("450000.00");
        Tender.publish(tender.published(null));
        Tender.publish(tender.bid(bid));
        Tender.publish(tender.revealed(List.of(new BidsRevealed.RevealedBid(bid, declining.id(), price, 30,
                tender.publishedAt.plusSeconds(60)))));
        Instant awardedAt = Instant.now().minusSeconds(600);
        Tender.publish(new RequestAwarded(tender.requestId, tender.buyer.id(), "ERP", Map.of("uz-Latn", "ERP"), List.of("1703"), bid,
                declining.id(), price, 30, "LOWEST_PRICE", true, 1, null, awardedAt));
        UUID contractId = UUID.randomUUID();
        Tender.publish(new ContractCreated(tender.contract(contractId, bid, declining, "PENDING", price), Map.of("uz-Latn", "ERP"),
                List.of("1703"), 30, awardedAt, awardedAt.plusSeconds(1)));
        awaitReleases(tender.ocid(), 3);
        Tender.publish(new ContractSigningRefused(tender.contract(contractId, bid, declining, "CANCELLED", price), "SUPPLIER",
                "Imkoniyat yo'q", awardedAt.plusSeconds(60)));
        Tender.publish(new RequestAwardDeclined(tender.requestId, tender.buyer.id(), bid, declining.id(), contractId, "Imkoniyat yo'q",
                awardedAt.plusSeconds(61)));

        List<JsonNode> releases = awaitReleases(tender.ocid(), 5);
        assertTrue(releases.stream().anyMatch(release -> release.get("tag").get(0).asText().equals("awardCancellation")));
        JsonNode recordPackage = record(tender.ocid());
        OcdsSchemas.recordPackage(recordPackage);
        JsonNode compiled = recordPackage.at("/records/0/compiledRelease");
        assertEquals("cancelled", compiled.at("/awards/0/status").asText());
        assertEquals("cancelled", compiled.at("/contracts/0/status").asText());
        assertEquals("active", compiled.at("/tender/status").asText(), "back in evaluation");
        assertFalse(roles(compiled, declining).contains("supplier"));
        assertTrue(roles(compiled, declining).contains("tenderer"), "its bid was public with the award and stays so");
    }

    @Test
    void theListByDateIsPagedByCursorAndTheBulkFilesHoldEveryRelease() throws Exception {
        List<String> ocids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Tender tender = new Tender();
            Tender.register(tender.buyer);
            Tender.publish(tender.published(null));
            Tender.publish(new RequestCancelled(tender.requestId, tender.buyer.id(), "OPEN", "Bekor", Instant.now()));
            ocids.add(tender.ocid());
        }
        for (String ocid : ocids) {
            awaitReleases(ocid, 2);
        }

        List<String> paged = new ArrayList<>();
        String next = "/api/open-data/releases?limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = given().get(next).then().statusCode(200).extract().as(JsonNode.class);
            OcdsSchemas.releasePackage(page);
            assertTrue(page.get("releases").size() <= 2);
            page.get("releases").forEach(release -> paged.add(release.get("id").asText()));
            next = page.at("/links/next").isMissingNode() ? null : page.at("/links/next").asText();
            pages++;
        }
        assertTrue(pages >= 3, "at least six releases, two a page");

        String lines = given().get("/api/open-data/bulk/releases.jsonl").then().statusCode(200)
                .contentType(startsWith("application/jsonl")).extract().asString();
        List<String> bulkIds = new ArrayList<>();
        for (String line : lines.split("\n")) {
            JsonNode release = JSON.readTree(line);
            OcdsSchemas.release(release);
            bulkIds.add(release.get("id").asText());
        }
        JsonNode bulk = JSON.readTree(given().get("/api/open-data/bulk/releases.json").then().statusCode(200).extract().asString());
        OcdsSchemas.releasePackage(bulk);
        List<String> bulkPackageIds = new ArrayList<>();
        bulk.get("releases").forEach(release -> bulkPackageIds.add(release.get("id").asText()));
        assertEquals(bulkIds, bulkPackageIds);
        assertEquals(bulkIds.subList(0, paged.size()), paged, "the pages follow publication order, as the bulk file does");
        for (String ocid : ocids) {
            assertTrue(releasesOf(ocid).stream().allMatch(release -> bulkIds.contains(release.get("id").asText())));
        }

        // No release package is empty (the schema asks for one release at least): nothing to send.
        given().queryParam("since", Instant.now().plusSeconds(86_400).toString()).get("/api/open-data/releases")
                .then().statusCode(204);
        JsonNode sinceYesterday = given().queryParam("since", LocalDate.now().minusDays(1).toString()).queryParam("limit", 1000)
                .get("/api/open-data/releases").then().statusCode(200).extract().as(JsonNode.class);
        assertTrue(sinceYesterday.get("releases").size() >= 6);
    }

    @Test
    void recordsArePagedByTheirNewestReleaseAndTheBulkFilesHoldEveryRecord() throws Exception {
        List<String> ocids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Tender tender = new Tender();
            Tender.register(tender.buyer);
            Tender.publish(tender.published(null));
            Tender.publish(new RequestCancelled(tender.requestId, tender.buyer.id(), "OPEN", "Bekor", Instant.now()));
            ocids.add(tender.ocid());
        }
        for (String ocid : ocids) {
            awaitReleases(ocid, 2);
        }

        List<String> paged = new ArrayList<>();
        String next = "/api/open-data/records?limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = given().get(next).then().statusCode(200).extract().as(JsonNode.class);
            OcdsSchemas.recordPackage(page);
            assertEquals("https://creativecommons.org/licenses/by/4.0/", page.get("license").asText());
            assertEquals("Aqlli elektron", page.at("/publisher/name").asText());
            assertTrue(page.get("publicationPolicy").asText().endsWith("/publication-policy"));
            assertTrue(page.get("records").size() <= 2);
            for (JsonNode record : page.get("records")) {
                paged.add(record.get("ocid").asText());
                JsonNode releases = record.get("releases");
                assertEquals(releases.get(releases.size() - 1).get("date").asText(), record.at("/compiledRelease/date").asText(),
                        "the compiled release is that of the record's releases");
            }
            next = page.at("/links/next").isMissingNode() ? null : page.at("/links/next").asText();
            pages++;
        }
        assertTrue(pages >= 2, "at least three records, two a page");
        assertEquals(paged.size(), paged.stream().distinct().count(), "a record is on one page: " + paged);
        assertTrue(paged.containsAll(ocids));

        JsonNode bulk = JSON.readTree(given().get("/api/open-data/bulk/records.json").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString());
        OcdsSchemas.recordPackage(bulk);
        List<String> bulkOcids = new ArrayList<>();
        bulk.get("records").forEach(record -> bulkOcids.add(record.get("ocid").asText()));
        assertEquals(paged, bulkOcids.subList(0, paged.size()), "the bulk file follows the pages' order");
        for (JsonNode record : bulk.get("records")) {
            if (ocids.contains(record.get("ocid").asText())) {
                assertEquals(record(record.get("ocid").asText()).at("/records/0"), record, "the same record as its own package");
            }
        }
        String lines = given().get("/api/open-data/bulk/records.jsonl").then().statusCode(200)
                .contentType(startsWith("application/jsonl")).extract().asString();
        List<String> lineOcids = new ArrayList<>();
        ObjectNode recordPackage = (ObjectNode) bulk.deepCopy();
        for (String line : lines.split("\n")) {
            JsonNode record = JSON.readTree(line);
            // Each line on its own, in a package of the bulk file's metadata.
            recordPackage.putArray("records").add(record);
            OcdsSchemas.recordPackage(recordPackage);
            lineOcids.add(record.get("ocid").asText());
        }
        assertEquals(bulkOcids, lineOcids);

        // No record package is empty (the schema asks for one record at least): nothing to send.
        given().queryParam("since", Instant.now().plusSeconds(86_400).toString()).get("/api/open-data/records")
                .then().statusCode(204);
        JsonNode today = given().queryParam("since", LocalDate.now().minusDays(1).toString()).queryParam("limit", 100)
                .get("/api/open-data/records").then().statusCode(200).extract().as(JsonNode.class);
        assertTrue(today.get("records").size() >= 3);
    }

    /** Not a benchmark: how long 400 releases take from the topic to the bulk file here, printed for docs/decisions.md. */
    @Test
    void manyReleasesReachTheBulkFileWhichStreamsThemAll() throws Exception {
        int processes = 200;
        List<Tender> tenders = new ArrayList<>();
        long start = System.nanoTime();
        try (var publisher = uz.aqlli.platform.testing.PlatformEvents.publisher(Tender.kafka())) {
            for (int i = 0; i < processes; i++) {
                Tender tender = new Tender();
                publisher.publish(tender.published(new BigDecimal("1000000.00")));
                publisher.publish(new RequestCancelled(tender.requestId, tender.buyer.id(), "OPEN", "Bekor", Instant.now()));
                tenders.add(tender);
            }
        }
        long published = System.nanoTime();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!tenders.stream().allMatch(tender -> releasesOf(tender.ocid()).size() == 2) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        long stored = System.nanoTime();
        long bulkStart = System.nanoTime();
        String lines = given().get("/api/open-data/bulk/releases.jsonl").then().statusCode(200).extract().asString();
        long bulkEnd = System.nanoTime();
        for (Tender tender : tenders) {
            assertTrue(lines.contains(tender.ocid()), tender.ocid() + " is not in the bulk file");
        }
        System.out.printf("open data: %d events published in %d ms, all %d releases stored %d ms later; bulk jsonl of %d lines"
                        + " (%d bytes) streamed in %d ms%n", processes * 2, (published - start) / 1_000_000, processes * 2,
                (stored - published) / 1_000_000, lines.split("\n").length, lines.length(), (bulkEnd - bulkStart) / 1_000_000);
    }

    @Test
    void badParametersAreProblemsNamingTheParameterAndAnUnknownProcessIsNotFound() {
        for (var bad : List.of(Map.of("since", "yesterday"), Map.of("since", "2026-13-01"), Map.of("cursor", "abc"),
                Map.of("cursor", "-1"), Map.of("limit", "0"), Map.of("limit", "1001"), Map.of("limit", "ten"))) {
            String parameter = bad.keySet().iterator().next();
            given().queryParams(bad).get("/api/open-data/releases").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(parameter));
        }
        for (var bad : List.of(Map.of("since", "yesterday"), Map.of("cursor", "abc"), Map.of("cursor", "-1"), Map.of("limit", "0"),
                Map.of("limit", "101"), Map.of("limit", "ten"))) {
            String parameter = bad.keySet().iterator().next();
            given().queryParams(bad).get("/api/open-data/records").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(parameter));
        }
        given().queryParam("ocid", "ocds-xxxxxx-aq-" + UUID.randomUUID()).queryParam("limit", 5).get("/api/open-data/releases")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        String unknown = "ocds-xxxxxx-aq-" + UUID.randomUUID();
        given().get("/api/open-data/records/" + unknown).then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().queryParam("ocid", unknown).get("/api/open-data/releases").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void everyRouteIsPublicWithoutAToken() throws Exception {
        Tender tender = new Tender();
        Tender.register(tender.buyer);
        Tender.publish(tender.published(null));
        Tender.publish(new RequestCancelled(tender.requestId, tender.buyer.id(), "OPEN", "Bekor", Instant.now()));
        awaitReleases(tender.ocid(), 2);
        for (String route : List.of("/api/open-data/releases", "/api/open-data/bulk/releases.json", "/api/open-data/bulk/releases.jsonl",
                "/api/open-data/records", "/api/open-data/bulk/records.json", "/api/open-data/bulk/records.jsonl",
                "/api/open-data/publication-policy")) {
            given().get(route).then().statusCode(200);
            given().head(route).then().statusCode(200);
        }
    }

    private static List<String> roles(JsonNode release, Tender.Party party) {
        return JSON.convertValue(party(release, party).get("roles"), List.class);
    }

    private static JsonNode party(JsonNode release, Tender.Party party) {
        for (JsonNode candidate : release.get("parties")) {
            if (candidate.get("id").asText().equals(party.id().toString())) {
                return candidate;
            }
        }
        throw new AssertionError("no party " + party.name() + " in " + release);
    }

    private static JsonNode record(String ocid) {
        return given().get("/api/open-data/records/" + ocid).then().statusCode(200).extract().as(JsonNode.class);
    }

    private static List<JsonNode> releasesOf(String ocid) {
        Response response = given().queryParam("ocid", ocid).get("/api/open-data/releases");
        if (response.statusCode() == 404) {
            return List.of();
        }
        JsonNode releasePackage = response.then().statusCode(200).extract().as(JsonNode.class);
        List<JsonNode> releases = new ArrayList<>();
        releasePackage.get("releases").forEach(releases::add);
        return releases;
    }

    /** Every public place a process's data could be: its record and release package, every page of both lists, the four bulk files. */
    private static List<String> everythingPublic(String ocid) {
        List<String> published = new ArrayList<>();
        published.add(given().get("/api/open-data/records/" + ocid).then().statusCode(200).extract().asString());
        published.add(given().queryParam("ocid", ocid).get("/api/open-data/releases").then().statusCode(200).extract().asString());
        String next = "/api/open-data/releases?limit=50";
        while (next != null) {
            JsonNode page = given().get(next).then().statusCode(200).extract().as(JsonNode.class);
            published.add(page.toString());
            next = page.at("/links/next").isMissingNode() ? null : page.at("/links/next").asText();
        }
        next = "/api/open-data/records?limit=100";
        while (next != null) {
            JsonNode page = given().get(next).then().statusCode(200).extract().as(JsonNode.class);
            published.add(page.toString());
            next = page.at("/links/next").isMissingNode() ? null : page.at("/links/next").asText();
        }
        published.add(given().get("/api/open-data/bulk/releases.json").then().statusCode(200).extract().asString());
        published.add(given().get("/api/open-data/bulk/releases.jsonl").then().statusCode(200).extract().asString());
        published.add(given().get("/api/open-data/bulk/records.json").then().statusCode(200).extract().asString());
        published.add(given().get("/api/open-data/bulk/records.jsonl").then().statusCode(200).extract().asString());
        return published;
    }

    private static List<JsonNode> awaitReleases(String ocid, int count) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        List<JsonNode> releases = releasesOf(ocid);
        while (releases.size() < count && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            releases = releasesOf(ocid);
        }
        assertEquals(count, releases.size(), "releases of " + ocid + ": " + releases);
        releases.forEach(OcdsSchemas::release);
        return releases;
    }

    private void awaitSealed(String ocid, Predicate<JsonNode> kept) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            List<?> rows = entityManager.createNativeQuery("select cast(sealed as text) from contracting_process where ocid = :ocid")
                    .setParameter("ocid", ocid).getResultList();
            if (!rows.isEmpty() && kept.test(JSON.readTree((String) rows.get(0)))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the revealed bids of " + ocid + " never arrived");
    }
}
