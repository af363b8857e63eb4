package uz.aqlli.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderItem;
import uz.aqlli.orders.SubscriptionMonth;
import uz.aqlli.orders.TradingParty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * An order as its parties and the administration see it. Every amount is so'm with its ISO 4217
 * code beside it. Who of the buyer placed and approved it is the buyer's own business.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        UUID id,
        String orderNumber,
        String kind,
        String status,
        Party buyer,
        Party seller,
        List<Item> items,
        UUID offerId,
        String pricingModel,
        Integer months,
        BigDecimal hours,
        BigDecimal amountUzs,
        String currency,
        Quote quote,
        Delivery delivery,
        LocalDate wantedBy,
        String note,
        LocalDate deliveryDate,
        String reason,
        String cancelledBy,
        String completedBy,
        UUID disputeId,
        BigDecimal settledAmountUzs,
        List<Month> subscriptionMonths,
        String placedBy,
        String approvedBy,
        Instant createdAt,
        Instant placedAt,
        Instant confirmedAt,
        Instant deliveredAt,
        Instant acceptanceDueAt,
        Instant closedAt,
        long version) {

    public record Party(UUID organizationId, String legalName, String regionCode) {
    }

    public record Item(int line, UUID productId, UUID offerId, Map<String, String> name, String unit, String ikpuCode,
                       BigDecimal quantity, BigDecimal unitPriceUzs, BigDecimal amountUzs, String currency) {
    }

    public record Quote(BigDecimal amountUzs, String currency, BigDecimal hours, LocalDate deliveryDate, String note,
                        Instant quotedAt) {
    }

    public record Delivery(String regionCode, String districtCode, String address) {
    }

    public record Month(int month, String status, BigDecimal amountUzs, String currency, Instant deliveredAt,
                        Instant acceptanceDueAt, Instant acceptedAt, String acceptedBy, String reason, UUID disputeId,
                        BigDecimal settledAmountUzs) {
    }

    /**
     * {@code buyerSide}: the viewer is the buyer's member or its region's administration, who alone see
     * who of the buyer placed and approved it, and when it was made (before any wait for approval).
     */
    public static OrderView of(Order order, Function<UUID, Optional<TradingParty>> parties, boolean buyerSide) {
        List<OrderItem> items = order.items();
        List<Item> lines = IntStream.range(0, items.size()).mapToObj(i -> {
            OrderItem item = items.get(i);
            return new Item(i + 1, item.productId(), item.offerId(), item.name(), item.unit(), item.ikpuCode(), item.quantity(),
                    item.unitPriceUzs(), item.amountUzs(), order.currency());
        }).toList();
        Quote quote = order.quotedAt() == null ? null : new Quote(order.amountUzs(), order.currency(), order.hours(),
                order.deliveryDate(), order.quoteNote(), order.quotedAt());
        List<Month> months = null;
        if (order.subscription()) {
            List<SubscriptionMonth> scheduled = order.subscriptionMonths();
            months = IntStream.range(0, scheduled.size()).mapToObj(i -> {
                SubscriptionMonth month = scheduled.get(i);
                return new Month(i + 1, month.status().name(), month.amountUzs(), order.currency(), month.deliveredAt(),
                        month.acceptanceDueAt(), month.acceptedAt(), month.acceptedBy(), month.reason(), month.disputeId(),
                        month.settledAmountUzs());
            }).toList();
        }
        return new OrderView(order.id(), order.orderNumber(), order.kind().name(), order.status().name(),
                party(order.buyerId(), order.buyerRegionCode(), parties), party(order.sellerId(), order.sellerRegionCode(), parties),
                lines, order.offerId(), order.pricingModel() == null ? null : order.pricingModel().name(), order.months(),
                order.hours(), order.amountUzs(), order.currency(), quote,
                new Delivery(order.deliveryRegionCode(), order.deliveryDistrictCode(), order.deliveryAddress()),
                order.wantedBy(), order.note(), order.deliveryDate(), order.reason(),
                cancelledBy(order), order.completedBy(), order.disputeId(), order.settledAmountUzs(), months,
                buyerSide ? order.placedBy() : null, buyerSide ? order.approvedBy() : null,
                buyerSide ? order.createdAt() : null, // when it was made (before any approval) is the buyer's business
                order.placedAt(), order.confirmedAt(), order.deliveredAt(), order.acceptanceDueAt(), order.closedAt(),
                order.version());
    }

    private static String cancelledBy(Order order) {
        if (order.cancelledBy() != null) {
            return order.cancelledBy().name();
        }
        return order.status() == uz.aqlli.orders.OrderStatus.CANCELLED && order.disputeId() != null ? Order.BY_DISPUTE : null;
    }

    private static Party party(UUID id, String region, Function<UUID, Optional<TradingParty>> parties) {
        return new Party(id, parties.apply(id).map(TradingParty::legalName).orElse(null), region);
    }
}
