package uz.aqlli.orders;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dispute's rules alone: who answers, by when, what settles it, what escalates it. */
class DisputeRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(5);

    private static Dispute openedByBuyer() {
        var subject = new Dispute.Subject(DisputeSubject.ORDER, UUID.randomUUID(), null, null, new BigDecimal("1500.00"),
                UUID.randomUUID(), "1706", UUID.randomUUID(), "1712");
        return Dispute.open(UUID.randomUUID(), subject, OrderSide.BUYER, "u1", DisputeReason.NOT_AS_AGREED, "2 kg kam", WINDOW, NOW);
    }

    private static ProblemException problem(Runnable step) {
        return assertThrows(ProblemException.class, step::run);
    }

    @Test
    void theOtherPartyAnswersWithinTheWindowOnly() {
        Dispute dispute = openedByBuyer();
        assertEquals(NOW.plus(WINDOW), dispute.responseDueAt());
        assertEquals(403, problem(() -> dispute.respond(OrderSide.BUYER, "u1", "o'zim", NOW)).status());
        var late = problem(() -> dispute.respond(OrderSide.SELLER, "u2", "kech", NOW.plus(WINDOW)));
        assertEquals("urn:aqlli:problem:response-window-passed", late.type());
        assertEquals("text", late.errors().getFirst().field());
        dispute.respond(OrderSide.SELLER, "u2", "to'liq yuborildi", NOW.plus(WINDOW).minusSeconds(1));
        assertEquals(DisputeStatus.RESPONDED, dispute.status());
        assertFalse(dispute.escalateIfUnanswered(NOW.plus(WINDOW).plusSeconds(60)), "an answered dispute stays with the parties");
    }

    @Test
    void bothPartiesConfirmingTheSameOutcomeSettleIt() {
        Dispute dispute = openedByBuyer();
        assertEquals("urn:aqlli:problem:dispute-open", problem(() -> dispute.confirm(OrderSide.BUYER, DisputeOutcome.ACCEPT, null, NOW)).type());
        dispute.respond(OrderSide.SELLER, "u2", "javob", NOW);
        assertFalse(dispute.confirm(OrderSide.BUYER, DisputeOutcome.PARTIAL_AMOUNT, new BigDecimal("1000"), NOW));
        assertFalse(dispute.confirm(OrderSide.SELLER, DisputeOutcome.PARTIAL_AMOUNT, new BigDecimal("1200"), NOW), "another amount");
        assertFalse(dispute.confirm(OrderSide.SELLER, DisputeOutcome.ACCEPT, null, NOW), "another outcome");
        assertEquals(DisputeStatus.RESPONDED, dispute.status());
        assertTrue(dispute.confirm(OrderSide.SELLER, DisputeOutcome.PARTIAL_AMOUNT, new BigDecimal("1000.0"), NOW));
        assertEquals(DisputeStatus.SETTLED, dispute.status());
        assertEquals(new BigDecimal("1000.00"), dispute.settledUzs());
        assertEquals(NOW, dispute.closedAt());
    }

    @Test
    void amountsAreOnlyForAPartOfTheSubjectAndNeverAboveIt() {
        Dispute dispute = openedByBuyer();
        dispute.respond(OrderSide.SELLER, "u2", "javob", NOW);
        for (String amount : new String[]{"1500", "1500.01", "0", "-1", "10.001"}) {
            var refused = problem(() -> dispute.confirm(OrderSide.BUYER, DisputeOutcome.PARTIAL_AMOUNT, new BigDecimal(amount), NOW));
            assertEquals(400, refused.status(), amount);
            assertEquals("amountUzs", refused.errors().getFirst().field(), amount);
        }
        assertEquals("amountUzs", problem(() -> dispute.confirm(OrderSide.BUYER, DisputeOutcome.PARTIAL_AMOUNT, null, NOW))
                .errors().getFirst().field());
        assertEquals("amountUzs", problem(() -> dispute.confirm(OrderSide.BUYER, DisputeOutcome.ACCEPT, BigDecimal.TEN, NOW))
                .errors().getFirst().field());
        assertEquals("outcome", problem(() -> dispute.confirm(OrderSide.BUYER, null, null, NOW)).errors().getFirst().field());
    }

    @Test
    void anUnansweredDisputeIsEscalatedAsOfTheWindowsEndAndOnlyTheAdministrationDecidesIt() {
        Dispute dispute = openedByBuyer();
        assertFalse(dispute.escalateIfUnanswered(NOW.plus(WINDOW).minusSeconds(1)));
        assertEquals("urn:aqlli:problem:dispute-open", problem(() -> dispute.resolve(DisputeOutcome.ACCEPT, null, "x", "a", "1706", NOW)).type());
        assertTrue(dispute.escalateIfUnanswered(NOW.plus(Duration.ofDays(30))));
        assertEquals(DisputeStatus.ESCALATED, dispute.status());
        assertEquals(Dispute.BY_RESPONSE_WINDOW, dispute.escalatedBy());
        assertEquals(NOW.plus(WINDOW), dispute.escalatedAt(), "as of the window's end, not the sweep's visit");
        assertEquals("urn:aqlli:problem:dispute-escalated", problem(() -> dispute.confirm(OrderSide.BUYER, DisputeOutcome.ACCEPT, null, NOW)).type());
        dispute.resolve(DisputeOutcome.CANCEL, null, "Yetkazilmagani isbotlandi", "admin", "1706", NOW);
        assertEquals(DisputeStatus.RESOLVED, dispute.status());
        assertEquals(new BigDecimal("0.00"), dispute.settledUzs());
        assertNull(dispute.outcomeAmountUzs());
    }

    @Test
    void aMilestonesCancelWithdrawsTheDisputeAndSettlesNoAmount() {
        var subject = new Dispute.Subject(DisputeSubject.MILESTONE, null, UUID.randomUUID(), 1, new BigDecimal("1000000.00"),
                UUID.randomUUID(), "1706", UUID.randomUUID(), "1726");
        Dispute dispute = Dispute.open(UUID.randomUUID(), subject, OrderSide.SELLER, "u1", DisputeReason.NOT_PAID, "Avans", WINDOW, NOW);
        dispute.respond(OrderSide.BUYER, "u2", "To'landi", NOW);
        dispute.confirm(OrderSide.BUYER, DisputeOutcome.CANCEL, null, NOW);
        assertTrue(dispute.confirm(OrderSide.SELLER, DisputeOutcome.CANCEL, null, NOW));
        assertNull(dispute.settledUzs(), "the contract keeps the milestone's amount: nothing was settled at 0 so'm");
    }
}
