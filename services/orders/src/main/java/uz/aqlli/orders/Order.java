package uz.aqlli.orders;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.ListIndexBase;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A purchase between two organizations: catalogue products of one enterprise, or one provider's
 * offer. Its rules are here, free of HTTP and the database, so that each can be tried alone:
 * which side may do what in which status, and what each step records.
 */
@Entity(name = "PurchaseOrder") // "Order" is a JPQL keyword
@Table(name = "purchase_order")
public class Order {

    /** Who accepted a delivery: the buyer, or nobody within the acceptance window. */
    public static final String BY_BUYER = "BUYER";
    public static final String BY_ACCEPTANCE_WINDOW = "ACCEPTANCE_WINDOW";
    /** Accepted, or cancelled, by the outcome of a dispute (settled by the parties or decided by the administration). */
    public static final String BY_DISPUTE = "DISPUTE";

    @Id
    private UUID id;

    @Column(name = "order_number", nullable = false, updatable = false)
    private String orderNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrderKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "buyer_id", nullable = false, updatable = false)
    private UUID buyerId;

    @Column(name = "seller_id", nullable = false, updatable = false)
    private UUID sellerId;

    @Column(name = "placed_by", nullable = false, updatable = false)
    private String placedBy;

    @Column(name = "buyer_region_code", nullable = false, updatable = false)
    private String buyerRegionCode;

    @Column(name = "seller_region_code", nullable = false, updatable = false)
    private String sellerRegionCode;

    @Column(updatable = false)
    private String sector;

    @Column(name = "service_category", updatable = false)
    private String serviceCategory;

    @Column(name = "offer_id", updatable = false)
    private UUID offerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_model", updatable = false)
    private PricingModel pricingModel;

    @Column(updatable = false)
    private Integer months;

    private BigDecimal hours;

    @Column(name = "amount_uzs")
    private BigDecimal amountUzs;

    @Column(nullable = false)
    private String currency;

    @Column(name = "quoted_at")
    private Instant quotedAt;

    @Column(name = "quote_note")
    private String quoteNote;

    @Column(name = "delivery_region_code", nullable = false, updatable = false)
    private String deliveryRegionCode;

    @Column(name = "delivery_district_code", updatable = false)
    private String deliveryDistrictCode;

    @Column(name = "delivery_address", updatable = false)
    private String deliveryAddress;

    @Column(name = "wanted_by", updatable = false)
    private LocalDate wantedBy;

    @Column(updatable = false)
    private String note;

    @Column(name = "delivery_date")
    private LocalDate deliveryDate;

    /** Why it was rejected, refused or cancelled (a dispute's reasons are the dispute's, seen by fewer). */
    private String reason;

    /** The dispute over the whole order: while the order is DISPUTED the one that holds it, after that the last one. */
    @Column(name = "dispute_id")
    private UUID disputeId;

    /** What the order was accepted at when a dispute settled on part of it; {@link #amountUzs} stays what was ordered. */
    @Column(name = "settled_amount_uzs")
    private BigDecimal settledAmountUzs;

    @Column(name = "approved_by")
    private String approvedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    private OrderSide cancelledBy;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "placed_at")
    private Instant placedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "acceptance_due_at")
    private Instant acceptanceDueAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    // Both collections load with the order (a view needs them outside any transaction); in a list,
    // one query per collection for the whole page rather than one per order.
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "order_item", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    @ListIndexBase(1)
    private List<OrderItem> items = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "subscription_month", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "month")
    @ListIndexBase(1)
    private List<SubscriptionMonth> subscriptionMonths = new ArrayList<>();

    protected Order() {
    }

    /** The parties, who placed it, and where it goes: what every new order has. */
    public record Parties(UUID buyerId, String buyerRegionCode, UUID sellerId, String sellerRegionCode, String placedBy) {
    }

    /** Where and by when the buyer wants it, and what it says to the seller. */
    public record Delivery(String regionCode, String districtCode, String address, LocalDate wantedBy, String note) {
    }

    /** Catalogue products of one enterprise, priced by the server from the listings. */
    public static Order ofProducts(UUID id, String number, Parties parties, List<OrderItem> items,
                                   Delivery delivery, boolean awaitsApproval, Instant now) {
        Order order = new Order(id, number, OrderKind.PRODUCTS, parties, delivery, now);
        // The order's sector, for figures by sector, is its largest line's (the first of equals); each line keeps its own.
        order.sector = items.stream().max(Comparator.comparing(OrderItem::amountUzs)).map(OrderItem::sector).orElseThrow();
        order.items.addAll(items);
        order.amountUzs = Pricing.total(items.stream().map(OrderItem::amountUzs).toList());
        order.enter(awaitsApproval, now);
        return order;
    }

    /**
     * One provider's offer: {@code FIXED} at its price, a subscription of {@code months} months at
     * its monthly price, or ({@code FROM_PRICE}, {@code HOURLY}) a request for the provider's quote.
     */
    public static Order ofOffer(UUID id, String number, Parties parties, String serviceCategory, PricingModel model,
                                OrderItem item, Integer months, Delivery delivery, boolean awaitsApproval, Instant now) {
        Order order = new Order(id, number, OrderKind.SERVICE, parties, delivery, now);
        order.serviceCategory = serviceCategory;
        order.offerId = item.offerId();
        order.pricingModel = model;
        order.items.add(item);
        if (model == PricingModel.MONTHLY_SUBSCRIPTION) {
            order.months = months;
            for (int month = 1; month <= months; month++) {
                order.subscriptionMonths.add(SubscriptionMonth.scheduled(item.unitPriceUzs()));
            }
        }
        order.amountUzs = item.amountUzs();
        order.enter(awaitsApproval, now);
        return order;
    }

    private Order(UUID id, String number, OrderKind kind, Parties parties, Delivery delivery, Instant now) {
        this.id = id;
        this.orderNumber = number;
        this.kind = kind;
        this.buyerId = parties.buyerId();
        this.buyerRegionCode = parties.buyerRegionCode();
        this.sellerId = parties.sellerId();
        this.sellerRegionCode = parties.sellerRegionCode();
        this.placedBy = parties.placedBy();
        this.currency = Pricing.CURRENCY;
        this.deliveryRegionCode = delivery.regionCode();
        this.deliveryDistrictCode = delivery.districtCode();
        this.deliveryAddress = delivery.address();
        this.wantedBy = delivery.wantedBy();
        this.note = delivery.note();
        this.createdAt = now;
        this.updatedAt = now;
    }

    private void enter(boolean awaitsApproval, Instant now) {
        if (awaitsApproval) {
            status = OrderStatus.PENDING_APPROVAL;
        } else {
            status = OrderStatus.PLACED;
            placedAt = now;
        }
    }

    /** The buyer's manager lets an order above the threshold go to the seller. */
    public void approve(String manager, Instant now) {
        require("be approved", OrderStatus.PENDING_APPROVAL);
        status = OrderStatus.PLACED;
        approvedBy = manager;
        placedAt = now;
        updatedAt = now;
    }

    /** The buyer's manager stops it; the seller never hears of it. */
    public void reject(String why, Instant now) {
        require("be rejected", OrderStatus.PENDING_APPROVAL);
        status = OrderStatus.REJECTED;
        reason = why;
        close(now);
    }

    /** The seller takes on an order that needs no quote. */
    public void confirm(LocalDate by, Instant now) {
        require("be confirmed", OrderStatus.PLACED);
        if (quoteBased()) {
            throw ProblemException.conflict("quote-required",
                    "Order " + orderNumber + " asks for a quote: the provider quotes, and the buyer's acceptance confirms it");
        }
        status = OrderStatus.CONFIRMED;
        deliveryDate = by;
        confirmedAt = now;
        updatedAt = now;
    }

    /**
     * The provider's answer to a request for a quote, or a new one replacing its last: the total, the
     * hours it counts ({@code HOURLY}), and when it would be delivered.
     */
    public void quote(BigDecimal total, BigDecimal quotedHours, LocalDate by, String quoteText, Instant now) {
        require("be quoted", OrderStatus.PLACED, OrderStatus.QUOTED);
        if (!quoteBased()) {
            throw ProblemException.conflict("no-quote-asked",
                    "Order " + orderNumber + " is at the offer's " + pricingModel + " price; the provider confirms or refuses it");
        }
        BigDecimal counted = pricingModel == PricingModel.HOURLY ? quotedHours : BigDecimal.ONE;
        items.getFirst().quote(counted, total);
        hours = pricingModel == PricingModel.HOURLY ? quotedHours.setScale(2, java.math.RoundingMode.UNNECESSARY) : null;
        amountUzs = Pricing.money(total);
        deliveryDate = by;
        quoteNote = quoteText;
        status = OrderStatus.QUOTED;
        quotedAt = now;
        updatedAt = now;
    }

    /**
     * The buyer accepts the quote it was shown: {@code expected} must be the quoted total, so that a
     * quote changed meanwhile is never accepted unseen.
     */
    public void acceptQuote(BigDecimal expected, Instant now) {
        require("have its quote accepted", OrderStatus.QUOTED);
        if (expected.compareTo(amountUzs) != 0) {
            throw ProblemException.conflict("quote-changed", "The quote of order " + orderNumber + " is " + amountUzs
                    + " UZS, not " + expected + "; read the order again before accepting");
        }
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
        updatedAt = now;
    }

    /** The seller declines a placed order (or a request for a quote), with the reason. */
    public void refuse(String why, Instant now) {
        require("be refused", OrderStatus.PLACED, OrderStatus.QUOTED);
        status = OrderStatus.REFUSED;
        reason = why;
        close(now);
    }

    /**
     * Called off before delivery: the buyer may, without a reason, until the order is confirmed; once
     * confirmed, either side may, with a reason. Declining a quote is the buyer cancelling.
     */
    public void cancel(OrderSide side, String why, Instant now) {
        boolean confirmed = status == OrderStatus.CONFIRMED;
        if (side == OrderSide.BUYER) {
            require("be cancelled", OrderStatus.PENDING_APPROVAL, OrderStatus.PLACED, OrderStatus.QUOTED, OrderStatus.CONFIRMED);
        } else {
            require("be cancelled by the seller", OrderStatus.PLACED, OrderStatus.QUOTED, OrderStatus.CONFIRMED);
        }
        if ((confirmed || side == OrderSide.SELLER) && (why == null || why.isBlank())) {
            throw ProblemException.invalidField("reason", confirmed
                    ? "is required to cancel a confirmed order"
                    : "is required when the seller cancels (or refuse the order instead)");
        }
        if (subscriptionMonths.stream().anyMatch(month -> month.status() != MonthStatus.SCHEDULED)) {
            throw ProblemException.conflict("order-partly-delivered",
                    "Order " + orderNumber + " has delivered months; dispute a month instead of cancelling");
        }
        status = OrderStatus.CANCELLED;
        cancelledBy = side;
        reason = why;
        close(now);
    }

    /** The seller delivered the whole order; the buyer has the acceptance window to answer. */
    public void deliver(Duration acceptanceWindow, Instant now) {
        require("be delivered", OrderStatus.CONFIRMED);
        if (subscription()) {
            throw ProblemException.conflict("deliver-by-month",
                    "Order " + orderNumber + " is a subscription: each month is delivered on its own");
        }
        status = OrderStatus.DELIVERED;
        deliveredAt = now;
        acceptanceDueAt = now.plus(acceptanceWindow);
        updatedAt = now;
    }

    /** The provider delivered the next month of a subscription. */
    public SubscriptionMonth deliverMonth(int month, Duration acceptanceWindow, Instant now) {
        require("have a month delivered", OrderStatus.CONFIRMED);
        SubscriptionMonth delivered = month(month);
        int next = nextScheduledMonth();
        if (delivered.status() != MonthStatus.SCHEDULED || month != next) {
            throw ProblemException.conflict("month-out-of-turn", next == 0
                    ? "Every month of order " + orderNumber + " is delivered"
                    : "Month " + month + " of order " + orderNumber + " is not the next to deliver; month " + next + " is");
        }
        delivered.deliver(now, now.plus(acceptanceWindow));
        if (deliveredAt == null) {
            deliveredAt = now;
        }
        refreshAcceptanceDue();
        updatedAt = now;
        return delivered;
    }

    /** The buyer accepts the delivery (or, {@code by} the window, nobody answered): the order is done. */
    public void accept(String by, Instant now) {
        require("be accepted", OrderStatus.DELIVERED);
        status = OrderStatus.COMPLETED;
        completedBy = by;
        acceptanceDueAt = null;
        close(now);
    }

    /**
     * One delivered month accepted; with the last month accepted the subscription is complete (and
     * {@code true} is returned).
     */
    public boolean acceptMonth(int month, String by, Instant now) {
        require("have a month accepted", OrderStatus.CONFIRMED);
        SubscriptionMonth accepted = month(month);
        if (accepted.status() != MonthStatus.DELIVERED) {
            throw ProblemException.conflict("month-not-delivered",
                    "Month " + month + " of order " + orderNumber + " is " + accepted.status() + ", not DELIVERED");
        }
        accepted.accept(by, now);
        refreshAcceptanceDue();
        updatedAt = now;
        return completeIfEveryMonthIsDone(by, now);
    }

    /**
     * The last open month answered (accepted, or cancelled by a dispute): the subscription is
     * complete, or cancelled when no month was accepted at all.
     */
    private boolean completeIfEveryMonthIsDone(String by, Instant now) {
        if (subscriptionMonths.stream().anyMatch(each -> each.status() != MonthStatus.ACCEPTED && each.status() != MonthStatus.CANCELLED)) {
            return false;
        }
        if (subscriptionMonths.stream().anyMatch(each -> each.status() == MonthStatus.ACCEPTED)) {
            status = OrderStatus.COMPLETED;
            completedBy = by;
        } else {
            status = OrderStatus.CANCELLED;
        }
        close(now);
        return true;
    }

    /**
     * A dispute opens over the whole order ({@code month} null: confirmed or delivered, not a
     * subscription) or over one delivered month, and freezes just that: the order (DISPUTED) or the
     * month (DISPUTED; the order stays CONFIRMED and its other months go on). A delivery is disputed
     * within its acceptance window, whoever opens it.
     */
    public void openDispute(Integer month, UUID dispute, Instant now) {
        if (month == null) {
            require("be disputed", OrderStatus.CONFIRMED, OrderStatus.DELIVERED);
            if (subscription()) {
                throw ProblemException.invalidField("number", "is required: a subscription is disputed month by month");
            }
            requireWithinWindow(acceptanceDueAt, now);
            status = OrderStatus.DISPUTED;
            disputeId = dispute;
            acceptanceDueAt = null;
        } else {
            require("have a month disputed", OrderStatus.CONFIRMED);
            SubscriptionMonth disputed = month(month);
            if (disputed.status() != MonthStatus.DELIVERED) {
                throw ProblemException.conflict("month-not-delivered",
                        "Month " + month + " of order " + orderNumber + " is " + disputed.status() + ", not DELIVERED");
            }
            requireWithinWindow(disputed.acceptanceDueAt(), now);
            disputed.freeze(dispute);
            refreshAcceptanceDue();
        }
        updatedAt = now;
    }

    /**
     * The dispute's outcome, applied to what it froze: {@code ACCEPT} and {@code PARTIAL_AMOUNT}
     * accept it (at {@code settledAmount} for a part; the ordered amount stays), {@code REDO} sends it
     * back to the seller to deliver again, {@code CANCEL} calls it off.
     *
     * @return whether the order ended with it (completed or cancelled)
     */
    public boolean applyDisputeOutcome(Integer month, DisputeOutcome outcome, BigDecimal settledAmount, Instant now) {
        if (month == null) {
            require("take a dispute's outcome", OrderStatus.DISPUTED);
            switch (outcome) {
                case ACCEPT, PARTIAL_AMOUNT -> {
                    status = OrderStatus.COMPLETED;
                    completedBy = BY_DISPUTE;
                    settledAmountUzs = settledAmount;
                    close(now);
                }
                case REDO -> {
                    status = OrderStatus.CONFIRMED;
                    deliveredAt = null;
                    acceptanceDueAt = null;
                    updatedAt = now;
                }
                case CANCEL -> {
                    status = OrderStatus.CANCELLED;
                    close(now);
                }
            }
            return status != OrderStatus.CONFIRMED;
        }
        require("take a dispute's outcome", OrderStatus.CONFIRMED);
        SubscriptionMonth disputed = month(month);
        if (disputed.status() != MonthStatus.DISPUTED) {
            throw ProblemException.conflict("month-not-disputed", "Month " + month + " of order " + orderNumber + " is "
                    + disputed.status() + ", not DISPUTED");
        }
        updatedAt = now;
        switch (outcome) {
            case ACCEPT, PARTIAL_AMOUNT -> disputed.settle(BY_DISPUTE, settledAmount, now);
            case REDO -> {
                disputed.redo();
                return false;
            }
            case CANCEL -> disputed.cancel();
        }
        return completeIfEveryMonthIsDone(BY_DISPUTE, now);
    }

    /** The delivered months whose acceptance window has passed at {@code now}, earliest first. */
    public List<Integer> monthsDueForAcceptance(Instant now) {
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < subscriptionMonths.size(); i++) {
            SubscriptionMonth month = subscriptionMonths.get(i);
            if (month.status() == MonthStatus.DELIVERED && !month.acceptanceDueAt().isAfter(now)) {
                due.add(i + 1);
            }
        }
        return due;
    }

    /**
     * A delivery answered after its window has counted as accepted from the moment the window ended,
     * whether or not the sweep has run yet (it may have been down): it can no longer be disputed.
     */
    private void requireWithinWindow(Instant due, Instant now) {
        if (due != null && !now.isBefore(due)) {
            throw ProblemException.conflict("acceptance-window-passed", "The acceptance window of order " + orderNumber
                    + " ended at " + due + ": the delivery counts as accepted");
        }
    }

    private void refreshAcceptanceDue() {
        acceptanceDueAt = subscriptionMonths.stream()
                .filter(month -> month.status() == MonthStatus.DELIVERED)
                .map(SubscriptionMonth::acceptanceDueAt)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private int nextScheduledMonth() {
        for (int i = 0; i < subscriptionMonths.size(); i++) {
            if (subscriptionMonths.get(i).status() == MonthStatus.SCHEDULED) {
                return i + 1;
            }
        }
        return 0;
    }

    private SubscriptionMonth month(int month) {
        if (!subscription()) {
            throw ProblemException.conflict("not-a-subscription", "Order " + orderNumber + " has no months");
        }
        if (month < 1 || month > subscriptionMonths.size()) {
            throw ProblemException.notFound("Month " + month + " of order " + orderNumber);
        }
        return subscriptionMonths.get(month - 1);
    }

    private void close(Instant now) {
        acceptanceDueAt = null;
        closedAt = now;
        updatedAt = now;
    }

    private void require(String action, OrderStatus... allowed) {
        if (Arrays.asList(allowed).contains(status)) {
            return;
        }
        throw ProblemException.conflict("order-" + status.name().toLowerCase().replace('_', '-'),
                "Order " + orderNumber + " is " + status + " and cannot " + action);
    }

    /** A request for the provider's quote ({@code FROM_PRICE}, {@code HOURLY}): confirmed by accepting the quote. */
    public boolean quoteBased() {
        return pricingModel != null && pricingModel.quoted();
    }

    public boolean subscription() {
        return pricingModel == PricingModel.MONTHLY_SUBSCRIPTION;
    }

    /** Whether the seller's members see it: only once placed (never while waiting for the buyer's approval). */
    public boolean placed() {
        return placedAt != null;
    }

    public UUID id() { return id; }
    public String orderNumber() { return orderNumber; }
    public OrderKind kind() { return kind; }
    public OrderStatus status() { return status; }
    public UUID buyerId() { return buyerId; }
    public UUID sellerId() { return sellerId; }
    public String placedBy() { return placedBy; }
    public String buyerRegionCode() { return buyerRegionCode; }
    public String sellerRegionCode() { return sellerRegionCode; }
    public String sector() { return sector; }
    public String serviceCategory() { return serviceCategory; }
    public UUID offerId() { return offerId; }
    public PricingModel pricingModel() { return pricingModel; }
    public Integer months() { return months; }
    public BigDecimal hours() { return hours; }
    public BigDecimal amountUzs() { return amountUzs; }
    public String currency() { return currency; }
    public Instant quotedAt() { return quotedAt; }
    public String quoteNote() { return quoteNote; }
    public String deliveryRegionCode() { return deliveryRegionCode; }
    public String deliveryDistrictCode() { return deliveryDistrictCode; }
    public String deliveryAddress() { return deliveryAddress; }
    public LocalDate wantedBy() { return wantedBy; }
    public String note() { return note; }
    public LocalDate deliveryDate() { return deliveryDate; }
    public String reason() { return reason; }
    public UUID disputeId() { return disputeId; }
    public BigDecimal settledAmountUzs() { return settledAmountUzs; }
    public String approvedBy() { return approvedBy; }
    public OrderSide cancelledBy() { return cancelledBy; }
    public String completedBy() { return completedBy; }
    public Instant placedAt() { return placedAt; }
    public Instant confirmedAt() { return confirmedAt; }
    public Instant deliveredAt() { return deliveredAt; }
    public Instant acceptanceDueAt() { return acceptanceDueAt; }
    public Instant closedAt() { return closedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    public List<OrderItem> items() { return List.copyOf(items); }
    public List<SubscriptionMonth> subscriptionMonths() { return List.copyOf(subscriptionMonths); }

    public SubscriptionMonth subscriptionMonth(int month) {
        return month(month);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Order that && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
