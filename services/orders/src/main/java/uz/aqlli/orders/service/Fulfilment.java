package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderSide;
import uz.aqlli.orders.OrderStatus;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.orders.repository.OrderRepository;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An order's steps after placing: the seller confirms or refuses (or quotes), delivers; the buyer
 * accepts (a dispute is service/Disputes'); either side cancels before delivery. Each step names the version it changes
 * (If-Match), so two members of one side acting at once never both win, and each commits with its
 * event.
 */
@ApplicationScoped
public class Fulfilment {

    private final OrderRepository orders;
    private final MarketRepository market;
    private final OrderAccess access;
    private final Ordering ordering;
    private final EventOutbox outbox;
    private final OrderConfig config;
    private final Caller caller;
    private final Clock clock;

    Fulfilment(OrderRepository orders, MarketRepository market, OrderAccess access, Ordering ordering, EventOutbox outbox,
               OrderConfig config, Caller caller, Clock clock) {
        this.orders = orders;
        this.market = market;
        this.access = access;
        this.ordering = ordering;
        this.outbox = outbox;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    /** The seller takes the order on, promising delivery by {@code deliveryDate}; only while it may trade. */
    @Transactional
    public Order confirm(UUID id, String ifMatch, LocalDate deliveryDate) {
        Order order = step(OrderSide.SELLER, id, ifMatch, "confirm orders");
        ordering.requireSellerTrading(order.sellerId());
        notInThePast("deliveryDate", deliveryDate);
        order.confirm(deliveryDate, clock.instant());
        return recorded(order, () -> ordering.events(order).confirmed());
    }

    @Transactional
    public Order refuse(UUID id, String ifMatch, String reason) {
        Order order = step(OrderSide.SELLER, id, ifMatch, "refuse orders");
        order.refuse(reason, clock.instant());
        return recorded(order, () -> ordering.events(order).refused());
    }

    /** The provider's quote: the total, the hours it counts ({@code HOURLY}), and the delivery date. */
    @Transactional
    public Order quote(UUID id, String ifMatch, BigDecimal total, BigDecimal hours, LocalDate deliveryDate, String note) {
        Order order = step(OrderSide.SELLER, id, ifMatch, "quote");
        ordering.requireSellerTrading(order.sellerId());
        notInThePast("deliveryDate", deliveryDate);
        boolean hourly = order.pricingModel() == uz.aqlli.orders.PricingModel.HOURLY;
        if (hourly && hours == null) {
            throw ProblemException.invalidField("hours", "is required: the offer is priced by the hour");
        }
        if (!hourly && hours != null) {
            throw ProblemException.invalidField("hours", "is only for an hourly offer");
        }
        order.quote(total, hours, deliveryDate, note, clock.instant());
        return recorded(order, () -> ordering.events(order).quoted());
    }

    /**
     * The buyer accepts the quote it was shown ({@code amountUzs}); above the buyer's approval
     * threshold only its manager may.
     */
    @Transactional
    public Order acceptQuote(UUID id, String ifMatch, BigDecimal amountUzs) {
        Order order = step(OrderSide.BUYER, id, ifMatch, "accept quotes");
        if (order.status() == OrderStatus.QUOTED && ordering.approvalNeeded(order.buyerId(), order.amountUzs()).isPresent()) {
            throw ProblemException.forbidden("manager-approval-required", "The quote is above your organization's approval"
                    + " threshold: only its manager accepts it");
        }
        order.acceptQuote(amountUzs, clock.instant());
        return recorded(order, () -> ordering.events(order).confirmed());
    }

    /** The buyer declines the quote: the order is cancelled by the buyer. */
    @Transactional
    public Order declineQuote(UUID id, String ifMatch, String reason) {
        Order order = step(OrderSide.BUYER, id, ifMatch, "decline quotes");
        if (order.status() != OrderStatus.QUOTED) {
            throw ProblemException.conflict("no-quote", "Order " + order.orderNumber() + " is " + order.status() + ": there is no quote to decline");
        }
        order.cancel(OrderSide.BUYER, reason, clock.instant());
        return recorded(order, () -> ordering.events(order).cancelled(true));
    }

    /** Either side calls the order off before delivery (see {@link Order#cancel}). */
    @Transactional
    public Order cancel(UUID id, String ifMatch, String reason) {
        Order order = access.visible(id);
        OrderSide side = access.side(order).orElseThrow(() -> ProblemException.forbidden("not-a-party",
                "Only the buyer's or the seller's members cancel an order"));
        EntityTags.require(ifMatch, order.version());
        boolean quoteDeclined = side == OrderSide.BUYER && order.status() == OrderStatus.QUOTED;
        order.cancel(side, reason, clock.instant());
        return recorded(order, () -> ordering.events(order).cancelled(quoteDeclined));
    }

    @Transactional
    public Order deliver(UUID id, String ifMatch) {
        Order order = step(OrderSide.SELLER, id, ifMatch, "deliver orders");
        order.deliver(config.acceptanceWindow(), clock.instant());
        return recorded(order, () -> ordering.events(order).delivered());
    }

    @Transactional
    public Order deliverMonth(UUID id, int month, String ifMatch) {
        Order order = step(OrderSide.SELLER, id, ifMatch, "deliver subscription months");
        order.deliverMonth(month, config.acceptanceWindow(), clock.instant());
        return recorded(order, () -> ordering.events(order).monthDelivered(month));
    }

    @Transactional
    public Order accept(UUID id, String ifMatch) {
        Order order = step(OrderSide.BUYER, id, ifMatch, "accept deliveries");
        order.accept(Order.BY_BUYER, clock.instant());
        return recorded(order, () -> ordering.events(order).completed());
    }

    @Transactional
    public Order acceptMonth(UUID id, int month, String ifMatch) {
        Order order = step(OrderSide.BUYER, id, ifMatch, "accept deliveries");
        boolean complete = order.acceptMonth(month, Order.BY_BUYER, clock.instant());
        orders.flush();
        outbox.append(ordering.events(order).monthAccepted(month));
        if (complete) {
            outbox.append(ordering.events(order).completed());
        }
        return order;
    }

    /**
     * Accepts, in its own transaction, what the window has run out on: a delivered order, or the
     * delivered months of a subscription. Locks the order first, so a buyer answering at the same
     * moment either commits first (and the sweep finds nothing due) or gets 412.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acceptIfDue(UUID id) {
        Instant now = clock.instant();
        Order order = orders.lockFresh(id).orElse(null);
        if (order == null || order.acceptanceDueAt() == null || order.acceptanceDueAt().isAfter(now)) {
            return;
        }
        // Accepted as of the moment the window ended, not when the sweep came by (it may have been down).
        if (order.status() == OrderStatus.DELIVERED) {
            order.accept(Order.BY_ACCEPTANCE_WINDOW, order.acceptanceDueAt());
            orders.flush();
            outbox.append(ordering.events(order).completed());
            return;
        }
        for (int month : order.monthsDueForAcceptance(now)) {
            boolean complete = order.acceptMonth(month, Order.BY_ACCEPTANCE_WINDOW, order.subscriptionMonth(month).acceptanceDueAt());
            orders.flush();
            outbox.append(ordering.events(order).monthAccepted(month));
            if (complete) {
                outbox.append(ordering.events(order).completed());
            }
        }
    }

    private Order step(OrderSide side, UUID id, String ifMatch, String action) {
        Order order = access.actingAs(side, id, action);
        EntityTags.require(ifMatch, order.version());
        return order;
    }

    /** Flushes first, so that a lost race is a 412 here and no event is written for it. */
    private Order recorded(Order order, java.util.function.Supplier<? extends uz.aqlli.platform.events.IntegrationEvent> event) {
        orders.flush();
        outbox.append(event.get());
        return order;
    }

    private void notInThePast(String field, LocalDate date) {
        Ordering.checkDate(field, date, clock.instant());
    }
}
