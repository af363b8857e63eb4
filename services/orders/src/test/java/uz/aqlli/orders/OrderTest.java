package uz.aqlli.orders;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Duration;
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

/** An order's rules without HTTP or a database: which step is allowed in which status, and what it records. */
class OrderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(14);
    private static final Order.Parties PARTIES = new Order.Parties(UUID.randomUUID(), "1706", UUID.randomUUID(), "1712", "user-1");
    private static final Order.Delivery DELIVERY = new Order.Delivery("1706", null, "Buxoro sh., 1", null, null);

    private static Order products(boolean awaitsApproval) {
        var item = OrderItem.product(UUID.randomUUID(), Map.of("uz-Latn", "Ip"), "TEXTILE_AND_GARMENTS", "KILOGRAM", null, new BigDecimal("10"),
                new BigDecimal("1500"));
        return Order.ofProducts(UUID.randomUUID(), "AE-2026-000001", PARTIES, List.of(item), DELIVERY, awaitsApproval, NOW);
    }

    private static Order offer(PricingModel model, Integer months) {
        BigDecimal price = model.quoted() ? null : new BigDecimal("2000000");
        BigDecimal quantity = months == null ? BigDecimal.ONE : BigDecimal.valueOf(months);
        var item = OrderItem.offer(UUID.randomUUID(), Map.of("uz-Latn", "ERP"), "SERVICE", null, quantity, price);
        return Order.ofOffer(UUID.randomUUID(), "AE-2026-000002", PARTIES, "ERP", model, item, months, DELIVERY, false, NOW);
    }

    private static String slug(Runnable step) {
        return assertThrows(ProblemException.class, step::run).type().replace("urn:aqlli:problem:", "");
    }

    @Test
    void anOrderAboveTheThresholdWaitsUnseenUntilTheManagerApproves() {
        Order order = products(true);
        assertEquals(OrderStatus.PENDING_APPROVAL, order.status());
        assertFalse(order.placed());
        assertEquals("order-pending-approval", slug(() -> order.confirm(LocalDate.of(2026, 12, 10), NOW)));
        order.approve("manager", NOW.plusSeconds(60));
        assertEquals(OrderStatus.PLACED, order.status());
        assertTrue(order.placed());
        assertEquals(new BigDecimal("15000.00"), order.amountUzs());
    }

    @Test
    void anOrdersSectorIsItsLargestLinesAndEachLineKeepsItsOwn() {
        var cloth = OrderItem.product(UUID.randomUUID(), Map.of("uz-Latn", "Mato"), "TEXTILE_AND_GARMENTS", "METRE", null,
                new BigDecimal("10"), new BigDecimal("100"));
        var dye = OrderItem.product(UUID.randomUUID(), Map.of("uz-Latn", "Bo'yoq"), "CHEMICALS", "KILOGRAM", null,
                new BigDecimal("10"), new BigDecimal("150"));
        Order order = Order.ofProducts(UUID.randomUUID(), "AE-2026-000003", PARTIES, List.of(cloth, dye), DELIVERY, false, NOW);
        assertEquals("CHEMICALS", order.sector());
        assertEquals("TEXTILE_AND_GARMENTS", order.items().getFirst().sector());
    }

    @Test
    void aDeliveryCannotBeDisputedOnceItsWindowHasEndedEvenBeforeTheSweepCame() {
        Order order = products(false);
        order.confirm(LocalDate.of(2026, 12, 10), NOW);
        order.deliver(WINDOW, NOW);
        assertEquals("acceptance-window-passed", slug(() -> order.openDispute(null, UUID.randomUUID(), NOW.plus(WINDOW))));
        order.openDispute(null, UUID.randomUUID(), NOW.plus(WINDOW).minusSeconds(1));
        assertEquals(OrderStatus.DISPUTED, order.status());
    }

    @Test
    void aRejectedOrderNeverReachesTheSeller() {
        Order order = products(true);
        order.reject("over budget", NOW);
        assertEquals(OrderStatus.REJECTED, order.status());
        assertFalse(order.placed());
        assertFalse(order.status().seenBySeller());
    }

    @Test
    void theProductPathRunsFromPlacedToCompleted() {
        Order order = products(false);
        order.confirm(LocalDate.of(2026, 12, 10), NOW);
        order.deliver(WINDOW, NOW.plusSeconds(3600));
        assertEquals(NOW.plusSeconds(3600).plus(WINDOW), order.acceptanceDueAt());
        order.accept(Order.BY_BUYER, NOW.plusSeconds(7200));
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertNull(order.acceptanceDueAt());
        assertEquals("order-completed", slug(() -> order.openDispute(null, UUID.randomUUID(), NOW)));
    }

    @Test
    void theBuyerCancelsWithoutAReasonOnlyBeforeConfirmation() {
        Order early = products(false);
        early.cancel(OrderSide.BUYER, null, NOW);
        assertEquals(OrderStatus.CANCELLED, early.status());

        Order confirmed = products(false);
        confirmed.confirm(LocalDate.of(2026, 12, 10), NOW);
        assertThrows(ProblemException.class, () -> confirmed.cancel(OrderSide.BUYER, " ", NOW));
        confirmed.cancel(OrderSide.SELLER, "factory stopped", NOW);
        assertEquals(OrderSide.SELLER, confirmed.cancelledBy());

        Order delivered = products(false);
        delivered.confirm(LocalDate.of(2026, 12, 10), NOW);
        delivered.deliver(WINDOW, NOW);
        assertEquals("order-delivered", slug(() -> delivered.cancel(OrderSide.BUYER, "changed my mind", NOW)));
    }

    @Test
    void aRequestForAQuoteIsConfirmedOnlyByAcceptingTheQuoteAsShown() {
        Order order = offer(PricingModel.HOURLY, null);
        assertNull(order.amountUzs());
        assertEquals("quote-required", slug(() -> order.confirm(LocalDate.of(2026, 12, 20), NOW)));
        order.quote(new BigDecimal("4500000"), new BigDecimal("30"), LocalDate.of(2026, 12, 20), "30 h", NOW);
        assertEquals(OrderStatus.QUOTED, order.status());
        assertEquals(new BigDecimal("150000.00"), order.items().getFirst().unitPriceUzs());
        assertEquals("quote-changed", slug(() -> order.acceptQuote(new BigDecimal("4000000"), NOW)));
        order.acceptQuote(new BigDecimal("4500000.00"), NOW);
        assertEquals(OrderStatus.CONFIRMED, order.status());
    }

    @Test
    void aFixedPriceOrderAsksForNoQuote() {
        Order order = offer(PricingModel.FIXED, null);
        assertEquals("no-quote-asked", slug(() -> order.quote(BigDecimal.TEN, null, LocalDate.of(2026, 12, 20), null, NOW)));
        assertEquals(new BigDecimal("2000000.00"), order.amountUzs());
    }

    @Test
    void aSubscriptionIsDeliveredAndAcceptedMonthByMonthInTurn() {
        Order order = offer(PricingModel.MONTHLY_SUBSCRIPTION, 3);
        assertEquals(new BigDecimal("6000000.00"), order.amountUzs());
        order.confirm(LocalDate.of(2026, 12, 31), NOW);
        assertEquals("deliver-by-month", slug(() -> order.deliver(WINDOW, NOW)));
        assertEquals("month-out-of-turn", slug(() -> order.deliverMonth(2, WINDOW, NOW)));
        order.deliverMonth(1, WINDOW, NOW);
        order.deliverMonth(2, WINDOW, NOW.plusSeconds(10));
        assertEquals(NOW.plus(WINDOW), order.acceptanceDueAt());
        assertEquals(List.of(1), order.monthsDueForAcceptance(NOW.plus(WINDOW)));
        assertFalse(order.acceptMonth(1, Order.BY_BUYER, NOW));
        assertEquals(NOW.plusSeconds(10).plus(WINDOW), order.acceptanceDueAt());
        assertFalse(order.acceptMonth(2, Order.BY_ACCEPTANCE_WINDOW, NOW.plus(WINDOW).plusSeconds(10)));
        order.deliverMonth(3, WINDOW, NOW);
        assertEquals("order-partly-delivered", slug(() -> order.cancel(OrderSide.BUYER, "no longer needed", NOW)));
        assertTrue(order.acceptMonth(3, Order.BY_BUYER, NOW));
        assertEquals(OrderStatus.COMPLETED, order.status());
    }

    @Test
    void aDisputedMonthFreezesOnlyItselfAndTheRestOfTheSubscriptionGoesOn() {
        Order order = offer(PricingModel.MONTHLY_SUBSCRIPTION, 3);
        order.confirm(LocalDate.of(2026, 12, 31), NOW);
        order.deliverMonth(1, WINDOW, NOW);
        assertThrows(ProblemException.class, () -> order.openDispute(null, UUID.randomUUID(), NOW));
        UUID dispute = UUID.randomUUID();
        order.openDispute(1, dispute, NOW);
        assertEquals(OrderStatus.CONFIRMED, order.status());
        assertEquals(MonthStatus.DISPUTED, order.subscriptionMonth(1).status());
        assertEquals(dispute, order.subscriptionMonth(1).disputeId());
        assertNull(order.acceptanceDueAt());
        assertEquals("month-not-delivered", slug(() -> order.acceptMonth(1, Order.BY_BUYER, NOW)));
        // the next months are delivered and accepted meanwhile; the subscription waits only for the disputed one
        order.deliverMonth(2, WINDOW, NOW);
        assertFalse(order.acceptMonth(2, Order.BY_BUYER, NOW));
        order.deliverMonth(3, WINDOW, NOW);
        assertEquals(List.of(3), order.monthsDueForAcceptance(NOW.plus(WINDOW)));
        assertFalse(order.acceptMonth(3, Order.BY_ACCEPTANCE_WINDOW, NOW.plus(WINDOW)));
        assertEquals(OrderStatus.CONFIRMED, order.status());
        // settled on part of it: the month is accepted at that amount and the subscription is complete
        assertTrue(order.applyDisputeOutcome(1, DisputeOutcome.PARTIAL_AMOUNT, new BigDecimal("100.00"), NOW));
        assertEquals(MonthStatus.ACCEPTED, order.subscriptionMonth(1).status());
        assertEquals(new BigDecimal("100.00"), order.subscriptionMonth(1).settledAmountUzs());
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(Order.BY_DISPUTE, order.completedBy());
    }

    @Test
    void aDisputesOutcomeDecidesWhatFollowsForTheWholeOrder() {
        Order redone = products(false);
        redone.confirm(LocalDate.of(2026, 12, 10), NOW);
        redone.deliver(WINDOW, NOW);
        redone.openDispute(null, UUID.randomUUID(), NOW);
        assertNull(redone.acceptanceDueAt());
        assertEquals("order-disputed", slug(() -> redone.accept(Order.BY_BUYER, NOW)));
        assertEquals("order-disputed", slug(() -> redone.cancel(OrderSide.BUYER, "x", NOW)));
        assertFalse(redone.applyDisputeOutcome(null, DisputeOutcome.REDO, null, NOW));
        assertEquals(OrderStatus.CONFIRMED, redone.status());
        redone.deliver(WINDOW, NOW.plusSeconds(60)); // delivered again, with a new window
        assertEquals(NOW.plusSeconds(60).plus(WINDOW), redone.acceptanceDueAt());

        Order cancelled = products(false);
        cancelled.confirm(LocalDate.of(2026, 12, 10), NOW);
        cancelled.openDispute(null, UUID.randomUUID(), NOW); // not delivered at all
        assertTrue(cancelled.applyDisputeOutcome(null, DisputeOutcome.CANCEL, null, NOW));
        assertEquals(OrderStatus.CANCELLED, cancelled.status());

        Order partial = products(false);
        partial.confirm(LocalDate.of(2026, 12, 10), NOW);
        partial.deliver(WINDOW, NOW);
        partial.openDispute(null, UUID.randomUUID(), NOW);
        assertTrue(partial.applyDisputeOutcome(null, DisputeOutcome.PARTIAL_AMOUNT, new BigDecimal("10.00"), NOW));
        assertEquals(OrderStatus.COMPLETED, partial.status());
        assertEquals(new BigDecimal("10.00"), partial.settledAmountUzs());
        assertEquals(0, partial.amountUzs().compareTo(products(false).amountUzs()), "the ordered amount is kept");
    }
}
