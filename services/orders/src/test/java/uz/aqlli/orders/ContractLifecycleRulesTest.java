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
        contract.freezeMilestone(1, dispute, WINDOW, NOW);
        assertTrue(contract.signedMilestone(1).frozen());
        assertEquals(dispute, contract.signedMilestone(1).disputeId());
        assertFalse(contract.signedMilestone(2).frozen());
        contract.freezeMilestone(1, dispute, WINDOW, NOW); // the same dispute again changes nothing
        var other = assertThrows(ProblemException.class, () -> contract.freezeMilestone(1, UUID.randomUUID(), WINDOW, NOW));
        assertEquals("urn:aqlli:problem:milestone-under-dispute", other.type());
        contract.unfreezeMilestone(1);
        assertNull(contract.signedMilestone(1).disputeId());
        assertThrows(ProblemException.class, () -> contract.freezeMilestone(3, dispute, WINDOW, NOW), "an unknown milestone");
    }

    @Test
    void aDeliveryPastItsAcceptanceWindowCountsAsAcceptedAndIsNotDisputedEvenBeforeAnySweep() {
        Contract contract = signed();
        contract.deliverMilestone(1, null, List.of(), "s", NOW);
        Instant windowEnd = NOW.plus(WINDOW);
        var late = assertThrows(ProblemException.class, () -> contract.freezeMilestone(1, UUID.randomUUID(), WINDOW, windowEnd));
        assertEquals("acceptance-window-passed", type(late));
        assertFalse(contract.signedMilestone(1).frozen());
        assertTrue(contract.acceptIfDue(1, WINDOW, windowEnd.plusSeconds(3600)), "the sweep, when it runs, accepts it");
        Contract other = signed();
        other.deliverMilestone(1, null, List.of(), "s", NOW);
        other.freezeMilestone(1, UUID.randomUUID(), WINDOW, windowEnd.minusSeconds(1));
        assertTrue(other.signedMilestone(1).frozen(), "up to the window's last second it is disputed");
        other.freezeMilestone(2, UUID.randomUUID(), WINDOW, windowEnd.plus(WINDOW)); // not delivered: no window to pass
    }

    @Test
    void aPlanDueBeforeTheSigningDayInTashkentIsNotSignedAndTheSupplierProposesANewVersion() {
        Contract contract = Contract.fromAward(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "ERP", Map.of("uz-Latn", "1C"), List.of("1726"), 60, new BigDecimal("1000000.50"), NOW, NOW);
        contract.proposePlan(List.of(
                new Contract.Draft("Yetkazish", MilestoneType.DELIVERY, new BigDecimal("600000"), TODAY.plusDays(10)),
                new Contract.Draft("To'lov", MilestoneType.PAYMENT, new BigDecimal("400000.50"), TODAY.plusDays(1))), "s", TODAY, NOW);
        contract.agreePlan(1, "b", NOW);
        contract.sign(ContractSide.BUYER, 1, "bm", NOW);
        // 19:30 UTC on the due day is already the next day in Tashkent
        Instant nextDayInTashkent = Instant.parse("2026-12-02T19:30:00Z");
        var late = assertThrows(ProblemException.class, () -> contract.sign(ContractSide.SUPPLIER, 1, "sm", nextDayInTashkent));
        assertEquals(List.of("plan.milestones[1].dueDate"), fieldsOf(late));
        assertEquals(ContractStatus.PENDING, contract.status());
        assertNull(contract.signedAt(ContractSide.SUPPLIER));
        LocalDate signingDay = LocalDate.of(2026, 12, 3);
        contract.proposePlan(List.of(
                new Contract.Draft("Yetkazish", MilestoneType.DELIVERY, new BigDecimal("600000"), signingDay.plusDays(10)),
                new Contract.Draft("To'lov", MilestoneType.PAYMENT, new BigDecimal("400000.50"), signingDay)), "s", signingDay,
                nextDayInTashkent);
        assertNull(contract.signedAt(ContractSide.BUYER), "the buyer signed the old version, not this one");
        contract.agreePlan(2, "b", nextDayInTashkent);
        assertFalse(contract.sign(ContractSide.SUPPLIER, 2, "sm", nextDayInTashkent));
        assertTrue(contract.sign(ContractSide.BUYER, 2, "bm", nextDayInTashkent));
        assertEquals(2, contract.signedPlanVersion());
    }

    private static final java.time.Duration WINDOW = java.time.Duration.ofDays(14);

    private static String type(ProblemException problem) {
        return problem.type().substring("urn:aqlli:problem:".length());
    }

    @Test
    void aDeliveryIsAcceptedInPartThenPaidUpToWhatWasAcceptedAndThePaymentMilestoneIsMetByItsPaymentCompletingIt() {
        Contract contract = signed();
        var early = assertThrows(ProblemException.class, () -> contract.recordPayment(1, new BigDecimal("1"), TODAY, "b", TODAY, NOW));
        assertEquals("milestone-not-accepted", type(early));
        contract.deliverMilestone(1, "Tayyor", List.of("https://docs.example.uz/akt-1.pdf"), "s", NOW);
        var whole = assertThrows(ProblemException.class, () -> contract.acceptMilestone(1, new BigDecimal("600000"), "b", WINDOW, NOW));
        assertEquals(List.of("amountUzs"), fieldsOf(whole), "a part as large as the milestone is no part");
        var nothing = assertThrows(ProblemException.class, () -> contract.acceptMilestone(1, BigDecimal.ZERO, "b", WINDOW, NOW));
        assertEquals(List.of("amountUzs"), fieldsOf(nothing));
        PlannedMilestone first = contract.acceptMilestone(1, new BigDecimal("550000"), "b", WINDOW, NOW);
        assertEquals(MilestoneStatus.PARTIALLY_MET, first.status());
        assertEquals(0, new BigDecimal("550000").compareTo(first.acceptedAmountUzs()));

        contract.recordPayment(1, new BigDecimal("500000"), TODAY, "b", TODAY, NOW);
        var above = assertThrows(ProblemException.class, () -> contract.recordPayment(1, new BigDecimal("50000.01"), TODAY, "b", TODAY, NOW));
        assertEquals("payment-above-accepted", type(above));
        assertEquals(List.of("amountUzs"), fieldsOf(above));
        contract.recordPayment(1, new BigDecimal("50000"), TODAY, "b", TODAY, NOW);
        assertFalse(contract.completeIfDone(NOW), "the payment milestone is not met yet");

        var deliverPayment = assertThrows(ProblemException.class, () -> contract.deliverMilestone(2, null, List.of(), "s", NOW));
        assertEquals("payment-milestone", type(deliverPayment));
        contract.recordPayment(2, new BigDecimal("400000"), TODAY, "b", TODAY, NOW);
        assertEquals(MilestoneStatus.SCHEDULED, contract.signedMilestone(2).status());
        contract.recordPayment(2, new BigDecimal("0.50"), TODAY, "b", TODAY, NOW);
        assertEquals(MilestoneStatus.MET, contract.signedMilestone(2).status());
        assertTrue(contract.completeIfDone(NOW));
        assertEquals(ContractStatus.COMPLETED, contract.status());
        assertEquals(0, new BigDecimal("950000.50").compareTo(contract.paidTotal()));
        assertEquals(0, new BigDecimal("950000.50").compareTo(contract.acceptedTotal()));
    }

    @Test
    void aRejectedDeliveryIsScheduledAgainOnItsDueDateAndAnswersEndWithTheWindow() {
        Contract contract = signed();
        contract.deliverMilestone(1, null, null, "s", NOW);
        contract.rejectMilestone(1, "Hujjatlar yo'q", "b", WINDOW, NOW);
        PlannedMilestone first = contract.signedMilestone(1);
        assertEquals(MilestoneStatus.SCHEDULED, first.status());
        assertEquals(TODAY.plusDays(10), first.dueDate());
        assertEquals("Hujjatlar yo'q", first.rejectionReason());
        contract.deliverMilestone(1, "Qayta", List.of(), "s", NOW);
        Instant late = NOW.plus(WINDOW);
        var passed = assertThrows(ProblemException.class, () -> contract.rejectMilestone(1, "x", "b", WINDOW, late));
        assertEquals("acceptance-window-passed", type(passed));
        assertFalse(contract.acceptIfDue(1, WINDOW, late.minusSeconds(1)));
        assertTrue(contract.acceptIfDue(1, WINDOW, late.plusSeconds(86_400 * 3)));
        assertEquals(MilestoneStatus.MET, first.status());
        assertEquals(late, first.metAt(), "accepted as of the window's end, not when the sweep came");
        assertTrue(first.acceptedAutomatically());
        assertFalse(contract.acceptIfDue(1, WINDOW, late.plusSeconds(86_400 * 4)), "once");
    }

    @Test
    void aMilestonePastItsDueDateIsOverdueOnceAsOfTheNextDayInTashkentAndStillDeliverable() {
        Contract contract = signed();
        assertFalse(contract.markOverdue(1, TODAY.plusDays(10)), "due today is not overdue");
        assertTrue(contract.markOverdue(1, TODAY.plusDays(30)));
        assertEquals(Instant.parse("2026-12-11T19:00:00Z"), contract.signedMilestone(1).overdueAt()); // due 11 December: overdue from midnight in Tashkent
        assertFalse(contract.markOverdue(1, TODAY.plusDays(31)), "once");
        contract.deliverMilestone(1, null, List.of(), "s", NOW);
        assertEquals(MilestoneStatus.DELIVERED, contract.signedMilestone(1).status());
    }

    @Test
    void aFrozenMilestoneRefusesEveryStepAndTheSweepsPassItBy() {
        Contract contract = signed();
        contract.deliverMilestone(1, null, List.of(), "s", NOW);
        contract.freezeMilestone(1, UUID.randomUUID(), WINDOW, NOW);
        contract.freezeMilestone(2, UUID.randomUUID(), WINDOW, NOW);
        assertEquals("milestone-under-dispute", type(assertThrows(ProblemException.class,
                () -> contract.acceptMilestone(1, null, "b", WINDOW, NOW))));
        assertEquals("milestone-under-dispute", type(assertThrows(ProblemException.class,
                () -> contract.rejectMilestone(1, "x", "b", WINDOW, NOW))));
        assertEquals("milestone-under-dispute", type(assertThrows(ProblemException.class,
                () -> contract.recordPayment(2, BigDecimal.ONE, TODAY, "b", TODAY, NOW))));
        assertFalse(contract.acceptIfDue(1, WINDOW, NOW.plus(WINDOW).plusSeconds(1)));
        assertFalse(contract.markOverdue(2, TODAY.plusDays(60)));
        contract.unfreezeMilestone(1);
        assertTrue(contract.acceptIfDue(1, WINDOW, NOW.plus(WINDOW).plusSeconds(1)));
    }

    @Test
    void paymentsAreDatedFromSigningToTodayAndDocumentsAreHttpsLinks() {
        Contract contract = signed();
        contract.deliverMilestone(1, null, List.of(), "s", NOW);
        contract.acceptMilestone(1, null, "b", WINDOW, NOW);
        assertEquals(List.of("paidOn"), fieldsOf(assertThrows(ProblemException.class,
                () -> contract.recordPayment(1, BigDecimal.ONE, TODAY.minusDays(1), "b", TODAY, NOW))));
        assertEquals(List.of("paidOn"), fieldsOf(assertThrows(ProblemException.class,
                () -> contract.recordPayment(1, BigDecimal.ONE, TODAY.plusDays(1), "b", TODAY, NOW))));
        assertEquals(List.of("amountUzs"), fieldsOf(assertThrows(ProblemException.class,
                () -> contract.recordPayment(1, new BigDecimal("0.001"), TODAY, "b", TODAY, NOW))));
        assertThrows(ProblemException.class, () -> contract.recordPayment(3, BigDecimal.ONE, TODAY, "b", TODAY, NOW), "no milestone 3");
        Contract other = signed();
        assertEquals(List.of("documents[1]"), fieldsOf(assertThrows(ProblemException.class, () -> other.deliverMilestone(1, null,
                List.of("https://a.uz/1", "http://a.uz/2"), "s", NOW))));
        assertEquals(List.of("documents[0]"), fieldsOf(assertThrows(ProblemException.class, () -> other.deliverMilestone(1, null,
                List.of("https://a.uz/" + "x".repeat(Contract.MAX_DOCUMENT_LENGTH)), "s", NOW))));
        assertEquals(MilestoneStatus.SCHEDULED, other.signedMilestone(1).status());
    }

    @Test
    void anAmendmentHoldsNothingUntilTheOtherPartyAcceptsAndTheValueAtSigningStays() {
        Contract contract = signed();
        var changes = List.of(new Contract.MilestoneChange(1, new BigDecimal("500000"), TODAY.plusDays(40)));
        assertEquals(List.of("milestones"), fieldsOf(assertThrows(ProblemException.class, () -> contract.proposeAmendment(
                ContractSide.SUPPLIER, AmendmentRationale.PRICE_REDUCTION, "Arzonroq", null, changes, "s", TODAY, NOW))),
                "amounts must still add up to the value");
        assertEquals(List.of("milestones[0].dueDate"), fieldsOf(assertThrows(ProblemException.class, () -> contract.proposeAmendment(
                ContractSide.SUPPLIER, AmendmentRationale.DURATION_EXTENSION, "x", null,
                List.of(new Contract.MilestoneChange(1, null, TODAY.minusDays(1))), "s", TODAY, NOW))));
        assertEquals(List.of("milestones[0].number"), fieldsOf(assertThrows(ProblemException.class, () -> contract.proposeAmendment(
                ContractSide.SUPPLIER, AmendmentRationale.DURATION_EXTENSION, "x", null,
                List.of(new Contract.MilestoneChange(3, null, TODAY)), "s", TODAY, NOW))));
        contract.proposeAmendment(ContractSide.SUPPLIER, AmendmentRationale.PRICE_REDUCTION, "Arzonroq", new BigDecimal("900000.50"),
                changes, "s", TODAY, NOW);
        assertEquals(0, new BigDecimal("600000").compareTo(contract.signedMilestone(1).amountUzs()), "nothing before acceptance");
        assertEquals("amendment-pending", type(assertThrows(ProblemException.class, () -> contract.proposeAmendment(ContractSide.BUYER,
                AmendmentRationale.TAX_RATE, "x", new BigDecimal("1000000.50"), List.of(), "b", TODAY, NOW))));
        assertEquals(403, assertThrows(ProblemException.class, () -> contract.answerAmendment(ContractSide.SUPPLIER, 1, true, "s", NOW))
                .status());
        contract.answerAmendment(ContractSide.BUYER, 1, true, "b", NOW);
        assertEquals(0, new BigDecimal("500000").compareTo(contract.signedMilestone(1).amountUzs()));
        assertEquals(0, new BigDecimal("600000").compareTo(contract.signedMilestone(1).plannedAmountUzs()));
        assertEquals(TODAY.plusDays(40), contract.signedMilestone(1).dueDate());
        assertEquals(0, new BigDecimal("900000.50").compareTo(contract.valueInForce()));
        assertEquals(0, new BigDecimal("1000000.50").compareTo(contract.valueUzs()), "the value at signing stays");
        assertEquals(AmendmentStatus.ACCEPTED, contract.amendments().get(0).status());

        // A declined one changes nothing and leaves room for the next.
        contract.proposeAmendment(ContractSide.BUYER, AmendmentRationale.DURATION_EXTENSION, "Kechroq", null,
                List.of(new Contract.MilestoneChange(2, null, TODAY.plusDays(90))), "b", TODAY, NOW);
        contract.answerAmendment(ContractSide.SUPPLIER, 2, false, "s", NOW);
        assertEquals(TODAY.plusDays(20), contract.signedMilestone(2).dueDate());
        assertEquals(AmendmentStatus.DECLINED, contract.amendments().get(1).status());
        assertEquals("amendment-answered", type(assertThrows(ProblemException.class,
                () -> contract.answerAmendment(ContractSide.SUPPLIER, 2, true, "s", NOW))));
        contract.proposeAmendment(ContractSide.BUYER, AmendmentRationale.DURATION_EXTENSION, "Kechroq", null,
                List.of(new Contract.MilestoneChange(2, null, TODAY.plusDays(60))), "b", TODAY, NOW);
    }

    @Test
    void terminationStatesWhatWasPaidAsRecordedAndNothingChangesAfterwards() {
        Contract contract = signed();
        contract.deliverMilestone(1, null, List.of(), "s", NOW);
        contract.acceptMilestone(1, null, "b", WINDOW, NOW);
        contract.recordPayment(1, new BigDecimal("100000"), TODAY, "b", TODAY, NOW);
        var wrong = assertThrows(ProblemException.class, () -> contract.terminate(ContractSide.BUYER, "x", BigDecimal.ZERO, "b", NOW));
        assertEquals(List.of("paidUzs"), fieldsOf(wrong));
        contract.proposeTermination(ContractSide.BUYER, "Ehtiyoj qolmadi", new BigDecimal("100000"), "b", NOW);
        assertEquals(ContractStatus.ACTIVE, contract.status());
        assertEquals(403, assertThrows(ProblemException.class, () -> contract.agreeToTermination(ContractSide.BUYER, NOW)).status());
        contract.agreeToTermination(ContractSide.SUPPLIER, NOW);
        assertEquals(ContractStatus.TERMINATED, contract.status());
        assertEquals(TerminationKind.BY_AGREEMENT, contract.terminationKind());
        for (var step : List.<org.junit.jupiter.api.function.Executable>of(
                () -> contract.recordPayment(1, BigDecimal.ONE, TODAY, "b", TODAY, NOW),
                () -> contract.deliverMilestone(1, null, List.of(), "s", NOW),
                () -> contract.proposeAmendment(ContractSide.BUYER, AmendmentRationale.TAX_RATE, "x", BigDecimal.TEN, List.of(), "b", TODAY, NOW),
                () -> contract.terminate(ContractSide.SUPPLIER, "x", new BigDecimal("100000"), "s", NOW))) {
            assertEquals("contract-not-active", type(assertThrows(ProblemException.class, step)));
        }
        assertFalse(contract.markOverdue(2, TODAY.plusDays(60)));
        assertNull(contract.completedAt());
    }

    static List<String> fieldsOf(ProblemException problem) {
        return problem.errors().stream().map(error -> error.field()).toList();
    }
}
