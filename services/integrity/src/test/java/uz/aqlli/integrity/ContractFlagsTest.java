package uz.aqlli.integrity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.ContractAmended;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.MilestoneFacts;
import uz.aqlli.platform.events.MilestoneOverdue;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.testing.PlatformTestResource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uz.aqlli.integrity.Market.awaitFlag;
import static uz.aqlli.integrity.Market.codesOn;
import static uz.aqlli.integrity.Market.flags;
import static uz.aqlli.integrity.Market.handled;
import static uz.aqlli.integrity.Market.publish;
import static uz.aqlli.integrity.Market.republic;

/** The execution flags, from orders' contract events as they arrive, each with its near miss. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "integrity"))
class ContractFlagsTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final LocalDate FIRST_DUE = LocalDate.of(2026, 10, 10);
    private static final LocalDate LAST_DUE = LocalDate.of(2026, 11, 10);

    @Inject
    DataSource database;

    /** Signed in (and the service's key fetch done) before any time is measured. */
    @org.junit.jupiter.api.BeforeEach
    void signedIn() {
        Market.flags(republic(), Map.of()).statusCode(200);
    }

    /** A signed contract worth 100 million so'm in two milestones, due FIRST_DUE and LAST_DUE. */
    private static ContractFacts signed(String region) {
        UUID id = UUID.randomUUID();
        ContractFacts facts = Market.contract(id, UUID.randomUUID(), region, UUID.randomUUID(), "100000000", "PENDING");
        publish(new ContractCreated(facts, Map.of("uz-Latn", "ERP"), List.of(region), 60, Instant.now(), Instant.now()));
        publish(new MilestonePlanProposed(facts, 1, List.of(
                new MilestonePlanProposed.Milestone(1, "Tahlil", "DELIVERY", new BigDecimal("40000000"), FIRST_DUE),
                new MilestonePlanProposed.Milestone(2, "Joriy etish", "DELIVERY", new BigDecimal("60000000"), LAST_DUE)),
                Instant.now()));
        ContractFacts active = active(facts, facts.valueUzs());
        publish(new ContractSigned(active, "SUPPLIER", 1, Instant.now(), Instant.now()));
        return active;
    }

    private static ContractFacts active(ContractFacts facts, BigDecimal value) {
        return new ContractFacts(facts.contractId(), facts.requestId(), facts.bidId(), "ACTIVE", facts.buyer(), facts.supplier(),
                facts.category(), value, facts.currency());
    }

    private static MilestoneOverdue overdue(ContractFacts contract, int number, LocalDate due) {
        return new MilestoneOverdue(contract, new MilestoneFacts(number, "Bosqich", "DELIVERY", "SCHEDULED",
                new BigDecimal("40000000"), due, null, null, Instant.now()), due, Instant.now());
    }

    private static ContractAmended amendment(ContractFacts contract, int number, String previous, String value,
                                             List<ContractAmended.Change> changes) {
        return new ContractAmended(contract, number, value == null ? "DURATION_EXTENSION" : "ITEM_PRICE_VARIATION", "O'zgarish",
                "SUPPLIER", new BigDecimal(previous), value == null ? null : new BigDecimal(value),
                new BigDecimal(value == null ? previous : value), changes, Instant.now());
    }

    @Test
    void anOverdueMilestoneIsRaisedAndOnlyTheLastOneMakesTheContractLate() {
        ContractFacts contract = signed("1703");
        long since = System.nanoTime();
        String first = publish(overdue(contract, 1, FIRST_DUE));
        awaitFlag("contractId", contract.contractId(), "AQ-MILESTONE-OVERDUE", since, BOUND);
        handled(database, first);
        assertFalse(codesOn("contractId", contract.contractId(), null).contains("AQ-CONTRACT-LATE"),
                "an earlier milestone overdue is no late contract");
        flags(republic(), Map.of("contractId", contract.contractId().toString(), "code", "AQ-MILESTONE-OVERDUE")).statusCode(200)
                .body("items[0].regionCode", equalTo("1703"))
                .body("items[0].evidence.values.dueDate", equalTo(FIRST_DUE.toString()))
                .body("items[0].evidence.eventIds", equalTo(List.of(first)));

        since = System.nanoTime();
        publish(overdue(contract, 2, LAST_DUE));
        awaitFlag("contractId", contract.contractId(), "AQ-CONTRACT-LATE", since, BOUND);
        flags(republic(), Map.of("contractId", contract.contractId().toString(), "code", "AQ-MILESTONE-OVERDUE")).statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void theThirdAmendmentIsRaisedAndTwoAreNot() {
        ContractFacts contract = signed("1706");
        publish(amendment(contract, 1, "100000000", "95000000", List.of()));
        handled(database, publish(amendment(contract, 2, "95000000", "90000000", List.of())));
        assertFalse(codesOn("contractId", contract.contractId(), null).contains("AQ-AMENDMENTS"));
        long since = System.nanoTime();
        publish(amendment(contract, 3, "90000000", "91000000", List.of()));
        awaitFlag("contractId", contract.contractId(), "AQ-AMENDMENTS", since, BOUND);
        flags(republic(), Map.of("contractId", contract.contractId().toString(), "code", "AQ-AMENDMENTS")).statusCode(200)
                .body("items[0].evidence.values.amendments", equalTo("3"))
                .body("items[0].evidence.eventIds.size()", equalTo(3));
    }

    @Test
    void anAmendmentDeliveredTwiceIsCountedOnce() {
        // Each amendment counts one more (amendments + 1): only the inbox keeps a redelivery from
        // counting twice, and a second count of the second would raise AQ-AMENDMENTS one too early.
        ContractFacts contract = signed("1708");
        publish(amendment(contract, 1, "100000000", "95000000", List.of()));
        ContractAmended second = amendment(contract, 2, "95000000", "90000000", List.of());
        String secondId = publish(second);
        handled(database, secondId);
        Market.redeliver(secondId, second);
        // Keyed by the contract: the third is on the redelivery's partition, behind it.
        String third = publish(amendment(contract, 3, "90000000", "91000000", List.of()));
        handled(database, third);
        flags(republic(), Map.of("contractId", contract.contractId().toString(), "code", "AQ-AMENDMENTS")).statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].evidence.values.amendments", equalTo("3"))
                .body("items[0].evidence.eventIds.size()", equalTo(3));
    }

    @Test
    void aPriceIncreaseTogetherWithATermExtensionIsRaisedAndAPriceIncreaseAloneIsNot() {
        ContractFacts dearer = signed("1710");
        handled(database, publish(amendment(dearer, 1, "100000000", "120000000", List.of())));
        assertFalse(codesOn("contractId", dearer.contractId(), null).contains("AQ-PRICE-AND-TERM"), "a price increase alone");
        long since = System.nanoTime();
        publish(amendment(dearer, 2, "120000000", null, List.of(new ContractAmended.Change(2, null, LAST_DUE.plusMonths(2)))));
        awaitFlag("contractId", dearer.contractId(), "AQ-PRICE-AND-TERM", since, BOUND);
        flags(republic(), Map.of("contractId", dearer.contractId().toString(), "code", "AQ-PRICE-AND-TERM")).statusCode(200)
                .body("items[0].evidence.values.valueInForceUzs", equalTo("120000000.00"))
                .body("items[0].evidence.values.lastDueDate", equalTo(LAST_DUE.plusMonths(2).toString()));

        ContractFacts longer = signed("1710");
        handled(database, publish(amendment(longer, 1, "100000000", null,
                List.of(new ContractAmended.Change(2, null, LAST_DUE.plusMonths(2))))));
        assertFalse(codesOn("contractId", longer.contractId(), null).contains("AQ-PRICE-AND-TERM"), "a term extension alone");
    }

    @Test
    void paidFarFromTheAwardedValueAtCompletionIsRaisedAndCloseIsNot() {
        ContractFacts underpaid = signed("1714");
        long since = System.nanoTime();
        publish(new ContractCompleted(underpaid, new BigDecimal("100000000"), new BigDecimal("100000000"),
                new BigDecimal("80000000"), new BigDecimal("80000000"), Instant.now()));
        awaitFlag("contractId", underpaid.contractId(), "AQ-PAID-DIFFERS", since, BOUND);
        flags(republic(), Map.of("contractId", underpaid.contractId().toString(), "code", "AQ-PAID-DIFFERS")).statusCode(200)
                .body("items[0].evidence.values.differenceShare", equalTo("0.200000"))
                .body("items[0].evidence.values.thresholdShare", equalTo("0.10"));

        ContractFacts close = signed("1714");
        handled(database, publish(new ContractCompleted(close, new BigDecimal("100000000"), new BigDecimal("100000000"),
                new BigDecimal("95000000"), new BigDecimal("95000000"), Instant.now())));
        assertFalse(codesOn("contractId", close.contractId(), null).contains("AQ-PAID-DIFFERS"));
    }
}
