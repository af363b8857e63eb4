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

/** The signed contract's rules alone: disputes' freeze, delivery and acceptance, overdue, payments, amendments, the end. */
class ContractLifecycleRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    /** An active contract of 1,000,000.50 so'm: milestone 1 a delivery of 600,000, milestone 2 a payment of 400,000.50. */
    static Contract signed() {
        Contract contract = Contract.fromAward(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "ERP", Map.of("uz-Latn", "1C"), List.of("1726"), 60, new BigDecimal("1000000.50"), NOW, NOW);
        contract.proposePlan(List.of(
                new Contract.Draft("Yetkazish", MilestoneType.DELIVERY, new BigDecimal("600000"), TODAY.plusDays(10)),
                new Contract.Draft("To'lov", MilestoneType.PAYMENT, new BigDecimal("400000.50"), TODAY.plusDays(20))), "s", TODAY, NOW);
        contract.agreePlan(1, "b", NOW);
        contract.sign(ContractSide.BUYER, 1, "bm", NOW);
        contract.sign(ContractSide.SUPPLIER, 1, "sm", NOW);
        return contract;
    }

    @Test
    void aDisputeFreezesOneMilestoneAtATimeUntilItEnds() {
        Contract contract = signed();
        UUID dispute = UUID.randomUUID();
        contract.freezeMilestone(1, dispute);
        assertTrue(contract.signedMilestone(1).frozen());
        assertEquals(dispute, contract.signedMilestone(1).disputeId());
        assertFalse(contract.signedMilestone(2).frozen());
        contract.freezeMilestone(1, dispute); // the same dispute again changes nothing
        var other = assertThrows(ProblemException.class, () -> contract.freezeMilestone(1, UUID.randomUUID()));
        assertEquals("urn:aqlli:problem:milestone-under-dispute", other.type());
        contract.unfreezeMilestone(1);
        assertNull(contract.signedMilestone(1).disputeId());
        assertThrows(ProblemException.class, () -> contract.freezeMilestone(3, dispute), "an unknown milestone");
    }

    static List<String> fieldsOf(ProblemException problem) {
        return problem.errors().stream().map(error -> error.field()).toList();
    }
}
