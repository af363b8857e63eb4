package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.EInvoice;
import uz.aqlli.orders.PlannedMilestone;
import uz.aqlli.orders.ListedProduct;
import uz.aqlli.orders.ListedOffer;
import uz.aqlli.orders.MonthStatus;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderItem;
import uz.aqlli.orders.OrderStatus;
import uz.aqlli.orders.SubscriptionMonth;
import uz.aqlli.orders.TradingParty;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The e-invoice of a completed order, or of one accepted month of a subscription, for the parties'
 * members. The order is the contract of a catalogue or offer purchase (its number and the date it
 * was confirmed); the invoice takes the order's number, and the date of completion or acceptance.
 */
@ApplicationScoped
public class EInvoicing {

    private final OrderAccess access;
    private final MarketRepository market;
    private final OrderConfig config;

    EInvoicing(OrderAccess access, MarketRepository market, OrderConfig config) {
        this.access = access;
        this.market = market;
        this.config = config;
    }

    public EInvoice ofOrder(UUID id) {
        Order order = party(id);
        if (order.subscription()) {
            throw ProblemException.conflict("invoiced-by-month", "Order " + order.orderNumber()
                    + " is a subscription: each accepted month has its own e-invoice");
        }
        if (order.status() != OrderStatus.COMPLETED) {
            throw ProblemException.conflict("order-not-completed", "Order " + order.orderNumber() + " is " + order.status()
                    + ": the e-invoice is issued once the buyer has accepted the delivery");
        }
        List<EInvoice.Billed> billed = new ArrayList<>();
        List<OrderItem> items = order.items();
        for (int i = 0; i < items.size(); i++) {
            OrderItem item = items.get(i);
            billed.add(new EInvoice.Billed(ikpu(item, i), name(item.name()), item.unit(), item.quantity(), item.unitPriceUzs()));
        }
        return document(order, order.orderNumber(), order.closedAt(), billed);
    }

    public EInvoice ofMonth(UUID id, int month) {
        Order order = party(id);
        if (!order.subscription()) {
            throw ProblemException.conflict("not-a-subscription", "Order " + order.orderNumber() + " has no months");
        }
        SubscriptionMonth invoiced = order.subscriptionMonth(month);
        if (invoiced.status() != MonthStatus.ACCEPTED) {
            throw ProblemException.conflict("month-not-accepted", "Month " + month + " of order " + order.orderNumber()
                    + " is " + invoiced.status() + ": its e-invoice is issued once the buyer has accepted it");
        }
        OrderItem item = order.items().getFirst();
        var line = new EInvoice.Billed(ikpu(item, 0), name(item.name()) + " (" + month + "/" + order.months() + ")",
                item.unit(), java.math.BigDecimal.ONE, invoiced.amountUzs());
        return document(order, order.orderNumber() + "-" + month, invoiced.acceptedAt(), List.of(line));
    }

    /**
     * The e-invoice of one accepted milestone of a contract, for its parties only (the contract is
     * public, its invoices are not): the supplier sells the accepted amount, one line named by the
     * tender and the milestone, numbered by the contract and the milestone, dated the day it was met,
     * under the contract signed that day. A tender names no IKPU code, so the line carries none: the
     * supplier's operator adds it before sending (decisions: Contracts).
     */
    public EInvoice ofMilestone(Contract contract, boolean party, int number) {
        if (!party) {
            throw ProblemException.forbidden("not-a-party", "Only the buyer's and the supplier's members download the e-invoice");
        }
        PlannedMilestone milestone = contract.signedMilestone(number);
        if (!milestone.accepted()) {
            throw ProblemException.conflict("milestone-not-accepted", "Milestone " + number + " is " + milestone.status()
                    + ": its e-invoice is issued once the buyer has accepted it");
        }
        // the whole id: contracts have no number of their own, and a part of the id may be another contract's
        String contractNumber = "C-" + contract.id().toString().toUpperCase();
        String title = contract.title() == null ? "" : name(contract.title());
        var line = new EInvoice.Billed(null, (title.isEmpty() ? "" : title + ": ") + milestone.title(), "SERVICE",
                java.math.BigDecimal.ONE, milestone.acceptedAmountUzs());
        return EInvoice.of(contractNumber + "-" + number, LocalDate.ofInstant(milestone.metAt(), Ordering.UZBEKISTAN), contractNumber,
                LocalDate.ofInstant(contract.dateSigned(), Ordering.UZBEKISTAN), side(contract.supplierId()), side(contract.buyerId()),
                List.of(line), config.vatRatePercent());
    }

    private EInvoice document(Order order, String number, Instant at, List<EInvoice.Billed> lines) {
        return EInvoice.of(number, LocalDate.ofInstant(at, Ordering.UZBEKISTAN), order.orderNumber(),
                LocalDate.ofInstant(order.confirmedAt(), Ordering.UZBEKISTAN), side(order.sellerId()), side(order.buyerId()),
                lines, config.vatRatePercent());
    }

    /** Only the two parties' members: the administration sees the order, not its invoice. */
    private Order party(UUID id) {
        Order order = access.visible(id);
        if (access.side(order).isEmpty()) {
            throw ProblemException.forbidden("not-a-party", "Only the seller's and the buyer's members download the e-invoice");
        }
        return order;
    }

    private EInvoice.Side side(UUID organization) {
        Optional<TradingParty> party = market.party(organization);
        return new EInvoice.Side(party.map(TradingParty::stir).orElse(null), party.map(TradingParty::legalName).orElse(null),
                party.map(TradingParty::address).orElse(null), party.map(TradingParty::vatRegistrationCode).orElse(null));
    }

    /**
     * The line's IKPU code as it was when ordered, or the listing's code if the seller has added one
     * since; operators refuse a line without one, so neither is a 409 naming the line.
     */
    private String ikpu(OrderItem item, int index) {
        String code = item.ikpuCode();
        if (code == null && item.productId() != null) {
            code = market.product(item.productId()).map(ListedProduct::ikpuCode).orElse(null);
        }
        if (code == null && item.offerId() != null) {
            code = market.offer(item.offerId()).map(ListedOffer::ikpuCode).orElse(null);
        }
        if (code == null) {
            throw ProblemException.conflict("ikpu-code-missing", "items[" + index + "]",
                    "Line " + (index + 1) + " has no IKPU (MXIK) code; give the product or offer its code, then download again");
        }
        return code;
    }

    /** The name in Uzbek (Latin) as operators show it, or any name the listing has. */
    private static String name(Map<String, String> names) {
        return names.getOrDefault("uz-Latn", names.values().stream().findFirst().orElse(""));
    }
}
