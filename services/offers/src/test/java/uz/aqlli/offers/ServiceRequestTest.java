package uz.aqlli.offers;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tender's lifecycle: which of the buyer's and the deadline's moves apply in which status. */
class ServiceRequestTest {

    static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant DEADLINE = PUBLISHED.plusSeconds(5 * 24 * 3600);
    static final Instant AFTER = DEADLINE.plusSeconds(60);

    @Test
    void openStrictlyBeforeTheDeadlineAndDueFromTheDeadlineItself() {
        ServiceRequest request = open();
        assertTrue(request.openAt(DEADLINE.minusMillis(1)));
        assertFalse(request.dueAt(DEADLINE.minusMillis(1)));
        assertFalse(request.openAt(DEADLINE));
        assertTrue(request.dueAt(DEADLINE));
        assertThrows(IllegalStateException.class, () -> request.close(1, DEADLINE.minusMillis(1)));
        assertEquals(RequestStatus.OPEN, request.status());
    }

    @Test
    void atTheDeadlineBidsGoToEvaluationAndNoBidsEndItAsUnsuccessful() {
        ServiceRequest withBids = open();
        withBids.close(2, AFTER);
        assertEquals(RequestStatus.EVALUATION, withBids.status());
        assertEquals(AFTER, withBids.closedAt());
        assertNull(withBids.decidedAt());
        assertFalse(withBids.dueAt(AFTER.plusSeconds(1)), "a closed request is not due again");
        assertFalse(withBids.openAt(PUBLISHED), "a closed request is not open, whatever the time");

        ServiceRequest withoutBids = open();
        withoutBids.close(0, AFTER);
        assertEquals(RequestStatus.UNSUCCESSFUL, withoutBids.status());
        assertEquals(AFTER, withoutBids.decidedAt());
        assertNotNull(withoutBids.outcomeReason());
    }

    /** Every status against every move: the allowed ones go to their status, the others are refused unchanged. */
    @Test
    void eachStatusAllowsOnlyItsMoves() {
        Map<RequestStatus, Set<String>> allowed = Map.of(
                RequestStatus.OPEN, Set.of("close", "cancel"),
                RequestStatus.EVALUATION, Set.of("award", "declare unsuccessful", "cancel"),
                RequestStatus.AWARDED, Set.of(),
                RequestStatus.UNSUCCESSFUL, Set.of(),
                RequestStatus.CANCELLED, Set.of());
        Map<String, RequestStatus> leadsTo = Map.of("close", RequestStatus.EVALUATION, "award", RequestStatus.AWARDED,
                "declare unsuccessful", RequestStatus.UNSUCCESSFUL, "cancel", RequestStatus.CANCELLED);
        UUID bid = UUID.randomUUID();
        Map<String, Consumer<ServiceRequest>> moves = Map.of(
                "close", request -> request.close(1, AFTER),
                "award", request -> request.award(bid, null, AFTER),
                "declare unsuccessful", request -> request.declareUnsuccessful("Byudjetdan oshdi", AFTER),
                "cancel", request -> request.cancel("Loyiha to'xtatildi", AFTER));
        for (RequestStatus status : RequestStatus.values()) {
            for (var move : moves.entrySet()) {
                ServiceRequest request = in(status);
                String what = status + " → " + move.getKey();
                if (allowed.get(status).contains(move.getKey())) {
                    assertDoesNotThrow(() -> move.getValue().accept(request), what);
                    assertEquals(leadsTo.get(move.getKey()), request.status(), what);
                } else {
                    RuntimeException refused = assertThrows(RuntimeException.class, () -> move.getValue().accept(request), what);
                    if (!move.getKey().equals("close")) {
                        assertEquals(409, ((ProblemException) refused).status(), what);
                        assertEquals("urn:aqlli:problem:invalid-status-transition", ((ProblemException) refused).type(), what);
                    }
                    assertEquals(status, request.status(), what);
                }
            }
        }
    }

    @Test
    void theBuyerIsToldWhyADecisionIsRefused() {
        ProblemException early = assertThrows(ProblemException.class, () -> open().award(UUID.randomUUID(), null, DEADLINE));
        assertTrue(detail(early).contains("open until its deadline"), detail(early));
        ProblemException late = assertThrows(ProblemException.class,
                () -> in(RequestStatus.AWARDED).declareUnsuccessful("x", AFTER));
        assertTrue(detail(late).contains("AWARDED"), detail(late));
    }

    @Test
    void theDecisionIsRecordedWithItsTimeAndReason() {
        UUID bid = UUID.randomUUID();
        ServiceRequest awarded = in(RequestStatus.EVALUATION);
        awarded.award(bid, "ISO 27001 talabi", AFTER.plusSeconds(5));
        assertEquals(bid, awarded.awardedBidId());
        assertEquals("ISO 27001 talabi", awarded.outcomeReason());
        assertEquals(AFTER.plusSeconds(5), awarded.decidedAt());
    }

    @Test
    void onlyAwardedUnsuccessfulAndCancelledAreEnded() {
        for (RequestStatus status : RequestStatus.values()) {
            assertEquals(List.of(RequestStatus.AWARDED, RequestStatus.UNSUCCESSFUL, RequestStatus.CANCELLED).contains(status),
                    status.ended(), status.name());
        }
    }

    @Test
    void aPrivateBudgetStaysPrivateAndNoBudgetIsNeverPublic() {
        assertFalse(ServiceRequest.publish(UUID.randomUUID(), UUID.randomUUID(), terms(null, true), PUBLISHED).budgetPublic());
        assertFalse(ServiceRequest.publish(UUID.randomUUID(), UUID.randomUUID(), terms(new BigDecimal("1000.00"), false), PUBLISHED)
                .budgetPublic());
        assertTrue(ServiceRequest.publish(UUID.randomUUID(), UUID.randomUUID(), terms(new BigDecimal("1000.00"), true), PUBLISHED)
                .budgetPublic());
    }

    /** The problem's {@code detail}, what the client reads. */
    private static String detail(ProblemException problem) {
        return String.valueOf(problem.getMessage());
    }

    static ServiceRequest open() {
        return ServiceRequest.publish(UUID.randomUUID(), UUID.randomUUID(), terms(null, false), PUBLISHED);
    }

    /** A request brought to {@code status} the only way it can get there, through its moves. */
    static ServiceRequest in(RequestStatus status) {
        ServiceRequest request = open();
        switch (status) {
            case OPEN -> {
            }
            case EVALUATION -> request.close(1, AFTER);
            case AWARDED -> {
                request.close(1, AFTER);
                request.award(UUID.randomUUID(), null, AFTER);
            }
            case UNSUCCESSFUL -> request.close(0, AFTER);
            case CANCELLED -> request.cancel("Loyiha to'xtatildi", PUBLISHED.plusSeconds(60));
        }
        assertEquals(status, request.status());
        return request;
    }

    static RequestTerms terms(BigDecimal budget, boolean budgetPublic) {
        return new RequestTerms(ServiceCategory.ERP, Map.of("uz-Latn", "ERP"), Map.of("uz-Latn", "Ombor va buxgalteriya"),
                List.of("1706"), budget, budgetPublic, DEADLINE, AwardCriterion.LOWEST_PRICE, 100, 0);
    }
}
