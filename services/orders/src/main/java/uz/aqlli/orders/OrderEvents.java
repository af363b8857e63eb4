package uz.aqlli.orders;

import uz.aqlli.platform.events.OrderApprovalRequested;
import uz.aqlli.platform.events.OrderCancelled;
import uz.aqlli.platform.events.OrderCompleted;
import uz.aqlli.platform.events.OrderConfirmed;
import uz.aqlli.platform.events.OrderDelivered;
import uz.aqlli.platform.events.OrderDisputed;
import uz.aqlli.platform.events.OrderFacts;
import uz.aqlli.platform.events.OrderMonthAccepted;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.OrderPlaced;
import uz.aqlli.platform.events.OrderQuoted;
import uz.aqlli.platform.events.OrderRefused;
import uz.aqlli.platform.events.OrderRejected;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The order events, built in one place from the order as it stands and its two parties as the
 * directory describes them: every event carries the same facts the data lake counts by.
 */
public final class OrderEvents {

    private final OrderFacts facts;
    private final Order order;

    private OrderEvents(Order order, Optional<TradingParty> buyer, Optional<TradingParty> seller) {
        this.order = order;
        OrderParty buyerSide = buyer.map(TradingParty::asOrderParty)
                .orElse(new OrderParty(order.buyerId(), order.buyerRegionCode(), null, null, null));
        OrderParty sellerSide = seller.map(TradingParty::asOrderParty)
                .orElse(new OrderParty(order.sellerId(), order.sellerRegionCode(), null, null, null));
        this.facts = new OrderFacts(order.id(), order.orderNumber(), order.kind().name(), order.status().name(), buyerSide,
                sellerSide, order.sector(), order.serviceCategory(),
                order.pricingModel() == null ? null : order.pricingModel().name(), order.amountUzs(), order.currency());
    }

    public static OrderEvents of(Order order, Optional<TradingParty> buyer, Optional<TradingParty> seller) {
        return new OrderEvents(order, buyer, seller);
    }

    public OrderPlaced placed() {
        var items = order.items().stream().map(item -> new OrderPlaced.Item(item.listingId(), item.sector(), item.unit(), item.quantity(),
                item.ikpuCode(), item.unitPriceUzs(), item.amountUzs())).toList();
        return new OrderPlaced(facts, items, order.months(), order.deliveryRegionCode(), order.deliveryDistrictCode(),
                order.wantedBy(), order.placedAt());
    }

    public OrderApprovalRequested approvalRequested(BigDecimal threshold) {
        return new OrderApprovalRequested(facts, threshold, order.createdAt());
    }

    public OrderRejected rejected() {
        return new OrderRejected(facts, order.reason(), order.closedAt());
    }

    public OrderQuoted quoted() {
        return new OrderQuoted(facts, order.hours(), order.quotedAt());
    }

    public OrderConfirmed confirmed() {
        return new OrderConfirmed(facts, order.deliveryDate(), order.quoteBased(), order.confirmedAt());
    }

    public OrderRefused refused() {
        return new OrderRefused(facts, order.reason(), order.closedAt());
    }

    public OrderCancelled cancelled(boolean quoteDeclined) {
        String by = order.cancelledBy() == null ? Order.BY_DISPUTE : order.cancelledBy().name();
        return new OrderCancelled(facts, by, quoteDeclined, order.reason(), order.closedAt());
    }

    public OrderDelivered delivered() {
        return new OrderDelivered(facts, null, order.amountUzs(), order.acceptanceDueAt(), order.deliveredAt());
    }

    public OrderDelivered monthDelivered(int month) {
        SubscriptionMonth delivered = order.subscriptionMonth(month);
        return new OrderDelivered(facts, month, delivered.amountUzs(), delivered.acceptanceDueAt(), delivered.deliveredAt());
    }

    public OrderMonthAccepted monthAccepted(int month) {
        SubscriptionMonth accepted = order.subscriptionMonth(month);
        return new OrderMonthAccepted(facts, month, accepted.amountUzs(), accepted.acceptedBy(), accepted.acceptedAt());
    }

    public OrderCompleted completed() {
        return new OrderCompleted(facts, order.completedBy(), order.closedAt());
    }

    /** A dispute froze the order or one of its months; the event names its reason code, never the parties' text. */
    public OrderDisputed disputed(Integer month, String reasonCode, Instant at) {
        return new OrderDisputed(facts, month, reasonCode, at);
    }
}
