package uz.aqlli.orders;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's rules alone: the plan adds up, versions and answers, signatures, refusal. */
class ContractRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static Contract contract() {
        return Contract.fromAward(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "ERP", Map.of("uz-Latn", "1C"), List.of("1726"), 60, new BigDecimal("1000000.50"), NOW, NOW);
    }

    private static Contract.Draft draft(String amount, LocalDate due) {
        return new Contract.Draft("Bosqich", MilestoneType.DELIVERY, new BigDecimal(amount), due);
    }

    @Test
    void aPlanMustAddUpToTheValueToTheTiyin() {
        Contract contract = contract();
        var short1 = assertThrows(ProblemException.class, () -> contract.proposePlan(
                List.of(draft("500000.25", TODAY), draft("500000.24", TODAY.plusDays(30))), "u", TODAY, NOW));
        assertTrue(fieldsOf(short1).contains("milestones"), fieldsOf(short1).toString());
        var over = assertThrows(ProblemException.class, () -> contract.proposePlan(
                List.of(draft("1000000.51", TODAY)), "u", TODAY, NOW));
        assertTrue(fieldsOf(over).contains("milestones"));
        assertEquals(1, contract.proposePlan(List.of(draft("500000.25", TODAY), draft("500000.25", TODAY.plusDays(30))), "u",
                TODAY, NOW));
        assertEquals(2, contract.milestonesOf(1).size());
    }

    @Test
    void aDueDateInThePastOrAnAmountBelowATiyinIsRefusedNamingTheMilestone() {
        Contract contract = contract();
        var past = assertThrows(ProblemException.class, () -> contract.proposePlan(
                List.of(draft("1", TODAY), draft("1000000.50", TODAY.minusDays(1))), "u", TODAY, NOW));
        assertEquals(List.of("milestones[1].dueDate"), fieldsOf(past));
        var fraction = assertThrows(ProblemException.class, () -> contract.proposePlan(
                List.of(draft("1000000.501", TODAY)), "u", TODAY, NOW));
        assertEquals(List.of("milestones[0].amountUzs"), fieldsOf(fraction));
        var zero = assertThrows(ProblemException.class, () -> contract.proposePlan(
                List.of(draft("0", TODAY), draft("1000000.50", TODAY)), "u", TODAY, NOW));
        assertEquals(List.of("milestones[0].amountUzs"), fieldsOf(zero));
        assertTrue(contract.plans().isEmpty(), "a refused plan leaves nothing behind");
    }

    @Test
    void theBuyerAnswersOnlyTheCurrentVersionAndANewVersionSupersedesTheLast() {
        Contract contract = contract();
        contract.proposePlan(List.of(draft("1000000.50", TODAY)), "s", TODAY, NOW);
        contract.requestChanges(1, "Ikki bosqichga bo'ling", "b", NOW);
        assertThrows(ProblemException.class, () -> contract.agreePlan(1, "b", NOW), "an answered version");
        contract.proposePlan(List.of(draft("400000", TODAY), draft("600000.50", TODAY.plusDays(10))), "s", TODAY, NOW);
        assertThrows(ProblemException.class, () -> contract.agreePlan(1, "b", NOW), "not the current version");
        contract.agreePlan(2, "b", NOW);
        contract.proposePlan(List.of(draft("1000000.50", TODAY)), "s", TODAY, NOW);
        assertEquals(List.of(PlanStatus.CHANGES_REQUESTED, PlanStatus.SUPERSEDED, PlanStatus.PROPOSED),
                contract.plans().stream().map(PlanVersion::status).toList());
        assertEquals("Ikki bosqichga bo'ling", contract.plans().get(0).changeNote());
    }

    @Test
    void theSecondSignatureOfTheAgreedVersionActivatesIt() {
        Contract contract = contract();
        assertThrows(ProblemException.class, () -> contract.sign(ContractSide.BUYER, 1, "b", NOW), "no plan agreed");
        contract.proposePlan(List.of(draft("1000000.50", TODAY)), "s", TODAY, NOW);
        assertThrows(ProblemException.class, () -> contract.sign(ContractSide.BUYER, 1, "b", NOW), "proposed, not agreed");
        contract.agreePlan(1, "b", NOW);
        var otherVersion = assertThrows(ProblemException.class, () -> contract.sign(ContractSide.BUYER, 2, "b", NOW));
        assertEquals(List.of("planVersion"), fieldsOf(otherVersion));
        assertFalse(contract.sign(ContractSide.SUPPLIER, 1, "s", NOW));
        assertEquals(ContractStatus.PENDING, contract.status());
        assertNull(contract.dateSigned());
        assertThrows(ProblemException.class, () -> contract.sign(ContractSide.SUPPLIER, 1, "s", NOW), "twice");
        assertThrows(ProblemException.class, () -> contract.proposePlan(List.of(draft("1000000.50", TODAY)), "s", TODAY, NOW),
                "the plan is fixed once signing started");
        Instant later = NOW.plusSeconds(60);
        assertTrue(contract.sign(ContractSide.BUYER, 1, "b", later));
        assertEquals(ContractStatus.ACTIVE, contract.status());
        assertEquals(later, contract.dateSigned());
        assertEquals(1, contract.signedPlanVersion());
        assertThrows(ProblemException.class, () -> contract.refuseToSign(ContractSide.BUYER, "kech", "b", later));
    }

    @Test
    void aRefusalCancelsItWithTheReason() {
        Contract contract = contract();
        contract.refuseToSign(ContractSide.SUPPLIER, "  Narx eskirdi ", "s", NOW);
        assertEquals(ContractStatus.CANCELLED, contract.status());
        assertEquals(ContractSide.SUPPLIER, contract.refusedBy());
        assertEquals("Narx eskirdi", contract.refusalReason());
        assertThrows(ProblemException.class, () -> contract.proposePlan(List.of(draft("1000000.50", TODAY)), "s", TODAY, NOW));
    }

    private static List<String> fieldsOf(ProblemException problem) {
        return problem.errors().stream().map(error -> error.field()).toList();
    }
}
