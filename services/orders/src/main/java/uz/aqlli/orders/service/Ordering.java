package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.orders.ListedOffer;
import uz.aqlli.orders.ListedProduct;
import uz.aqlli.orders.ListingStatus;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderEvents;
import uz.aqlli.orders.OrderItem;
import uz.aqlli.orders.Pricing;
import uz.aqlli.orders.PricingModel;
import uz.aqlli.orders.PurchasingPolicy;
import uz.aqlli.orders.TradingParty;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.orders.repository.OrderRepository;
import uz.aqlli.platform.events.Regions;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;
import uz.aqlli.platform.runtime.standing.OrganizationStandings;
import uz.aqlli.platform.runtime.standing.Standing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Placing orders and the buyer's approvals. Everything an order is priced and checked from is
 * orders' own copy of the market (products, offers, the directory's standings): placing never calls
 * another service. The buyer is the caller's organization, never anything in the request.
 */
@ApplicationScoped
public class Ordering {

    /** Dates ("wanted by", "delivered by") are the buyer's calendar: Uzbekistan's. */
    static final ZoneId UZBEKISTAN = uz.aqlli.orders.Uzbekistan.ZONE;
    private static final String VERIFIED = "VERIFIED";

    private final OrderRepository orders;
    private final MarketRepository market;
    private final OrganizationStandings standings;
    private final EventOutbox outbox;
    private final Caller caller;
    private final Clock clock;

    Ordering(OrderRepository orders, MarketRepository market, OrganizationStandings standings, EventOutbox outbox,
             Caller caller, Clock clock) {
        this.orders = orders;
        this.market = market;
        this.standings = standings;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** One line of a catalogue order. */
    public record Line(UUID productId, BigDecimal quantity) {
    }

    /**
     * Catalogue products of one enterprise, priced here from the listings (the tier each quantity
     * reaches), by any verified organization but the seller itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order placeProducts(List<Line> lines, Order.Delivery delivery) {
        Standing buyer = buyingOrganization();
        Instant now = clock.instant();
        checkDelivery(delivery, now);
        if (delivery.address() == null || delivery.address().isBlank()) {
            throw ProblemException.invalidField("delivery.address", "is required: where the goods go");
        }
        UUID seller = null;
        var seen = new HashSet<UUID>();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String field = "items[" + i + "]";
            if (!seen.add(line.productId())) {
                throw ProblemException.invalidField(field + ".productId", "names a product already ordered in this order; one line per product");
            }
            ListedProduct product = market.product(line.productId())
                    .orElseThrow(() -> ProblemException.conflict("product-not-listed", field + ".productId",
                            "Product " + line.productId() + " is not in the catalogue"));
            if (product.status() == ListingStatus.WITHDRAWN) {
                throw ProblemException.conflict("product-withdrawn", field + ".productId",
                        "Product " + line.productId() + " was withdrawn by its enterprise and cannot be ordered");
            }
            if (seller == null) {
                seller = product.enterpriseId();
            } else if (!seller.equals(product.enterpriseId())) {
                throw ProblemException.invalidField(field + ".productId",
                        "is sold by another enterprise than the first line; place one order per seller");
            }
            items.add(OrderItem.product(product.productId(), product.name(), product.sector(), product.unit(), product.ikpuCode(),
                    quantity(field, product, line.quantity()), product.unitPriceFor(line.quantity())));
        }
        Order.Parties parties = parties(buyer, seller, "products");
        for (int i = 0; i < items.size(); i++) {
            if (!Pricing.storable(items.get(i).amountUzs())) {
                throw ProblemException.invalidField("items[" + i + "].quantity", "makes the line cost more than "
                        + Pricing.LARGEST.toPlainString() + " so'm");
            }
        }
        BigDecimal total = Pricing.total(items.stream().map(OrderItem::amountUzs).toList());
        if (!Pricing.storable(total)) {
            throw ProblemException.invalidField("items", "add up to more than " + Pricing.LARGEST.toPlainString() + " so'm: split the order");
        }
        String number = orders.nextNumber(now);
        Optional<PurchasingPolicy> policy = approvalNeeded(buyer.organizationId(), total);
        Order order = Order.ofProducts(UUID.randomUUID(), number, parties, items, delivery, policy.isPresent(), now);
        return enter(order, policy);
    }

    /**
     * One provider's offer, by a verified enterprise: at its price ({@code FIXED}), for {@code months}
     * months ({@code MONTHLY_SUBSCRIPTION}), or as a request for a quote ({@code FROM_PRICE}, {@code HOURLY}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order placeService(UUID offerId, Integer months, Order.Delivery requested) {
        Standing buyer = buyingOrganization();
        Instant now = clock.instant();
        ListedOffer offer = market.offer(offerId)
                .orElseThrow(() -> ProblemException.conflict("offer-not-listed", "offerId", "Offer " + offerId + " is not on the board"));
        if (offer.status() == ListingStatus.WITHDRAWN) {
            throw ProblemException.conflict("offer-withdrawn", "offerId",
                    "Offer " + offerId + " was withdrawn by its provider and cannot be ordered");
        }
        PricingModel model = offer.pricingModel();
        if (model == PricingModel.MONTHLY_SUBSCRIPTION && months == null) {
            throw ProblemException.invalidField("months", "is required: the offer is a monthly subscription");
        }
        if (model != PricingModel.MONTHLY_SUBSCRIPTION && months != null) {
            throw ProblemException.invalidField("months", "is only for a monthly subscription; this offer is " + model);
        }
        Order.Parties parties = parties(buyer, offer.providerId(), "services");
        // A service is delivered where the buyer is, unless it names another region.
        Order.Delivery delivery = requested.regionCode() != null ? requested
                : new Order.Delivery(parties.buyerRegionCode(), requested.districtCode(), requested.address(),
                requested.wantedBy(), requested.note());
        checkDelivery(delivery, now);
        if (!offer.serves(delivery.regionCode())) {
            throw ProblemException.conflict("region-not-served", "delivery.regionCode",
                    "The provider does not serve region " + delivery.regionCode() + " with this offer");
        }
        OrderItem item = switch (model) {
            case FIXED -> OrderItem.offer(offer.offerId(), offer.title(), "SERVICE", offer.ikpuCode(), BigDecimal.ONE, offer.priceUzs());
            case MONTHLY_SUBSCRIPTION -> OrderItem.offer(offer.offerId(), offer.title(), "MONTH", offer.ikpuCode(),
                    BigDecimal.valueOf(months), offer.priceUzs());
            case FROM_PRICE -> OrderItem.offer(offer.offerId(), offer.title(), "SERVICE", offer.ikpuCode(), BigDecimal.ONE, null);
            case HOURLY -> OrderItem.offer(offer.offerId(), offer.title(), "HOUR", offer.ikpuCode(), BigDecimal.ONE, null);
        };
        if (!Pricing.storable(item.amountUzs())) {
            throw ProblemException.invalidField("months", "make the subscription cost more than " + Pricing.LARGEST.toPlainString() + " so'm");
        }
        String number = orders.nextNumber(now);
        // A request for a quote has no amount yet: the threshold applies when the quote is accepted.
        Optional<PurchasingPolicy> policy = approvalNeeded(buyer.organizationId(), item.amountUzs());
        Order order = Order.ofOffer(UUID.randomUUID(), number, parties, offer.category(), model, item, months, delivery,
                policy.isPresent(), now);
        return enter(order, policy);
    }

    /** The buyer's manager lets an order above the threshold go to the seller. */
    @Transactional
    public Order approve(UUID id, String ifMatch) {
        Order order = managed(id, "approves orders above the approval threshold");
        EntityTags.require(ifMatch, order.version());
        standings.requireVerified(order.buyerId(), "place orders");
        requireSellerTrading(order.sellerId());
        order.approve(caller.userId(), clock.instant());
        orders.flush();
        outbox.append(events(order).placed());
        return order;
    }

    /** The buyer's manager turns down an order waiting for approval; the seller never sees it. */
    @Transactional
    public Order reject(UUID id, String ifMatch, String reason) {
        Order order = managed(id, "rejects orders waiting for approval");
        EntityTags.require(ifMatch, order.version());
        order.reject(reason, clock.instant());
        orders.flush();
        outbox.append(events(order).rejected());
        return order;
    }

    /** The buying organization's rule; none set means no approvals. */
    public Optional<PurchasingPolicy> policy() {
        return market.policy(caller.requireOrganization());
    }

    /** The manager sets (or, with {@code null}, lifts) the approval threshold; If-Match once a policy exists. */
    @Transactional
    public PurchasingPolicy setPolicy(String ifMatch, BigDecimal threshold) {
        UUID organization = caller.requireOrganization();
        requireManager(organization, "sets the approval threshold");
        Instant now = clock.instant();
        Optional<PurchasingPolicy> existing = market.policy(organization);
        if (existing.isPresent()) {
            EntityTags.require(ifMatch, existing.get().version());
            existing.get().change(threshold, caller.userId(), now);
            market.flush();
            return existing.get();
        }
        PurchasingPolicy policy = PurchasingPolicy.of(organization, threshold, caller.userId(), now);
        market.persist(policy);
        try {
            market.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            // a first policy set at the same moment by another request of the manager: this one is stale
            throw ProblemException.staleVersion();
        }
        return policy;
    }

    /**
     * Whether {@code amount} needs the manager: above the threshold and placed by anyone else. The
     * policy is returned for the event's threshold.
     */
    Optional<PurchasingPolicy> approvalNeeded(UUID buyer, BigDecimal amount) {
        if (market.party(buyer).map(party -> party.managedBy(caller.userId())).orElse(false)) {
            return Optional.empty();
        }
        return market.policy(buyer).filter(policy -> policy.needsApproval(amount));
    }

    void requireManager(UUID organization, String action) {
        boolean manager = market.party(organization).map(party -> party.managedBy(caller.userId())).orElse(false);
        if (!manager) {
            throw ProblemException.forbidden("not-organization-manager", "Only the organization's manager " + action);
        }
    }

    OrderEvents events(Order order) {
        return OrderEvents.of(order, market.party(order.buyerId()), market.party(order.sellerId()));
    }

    /** The seller may receive orders only while the directory has it verified. */
    void requireSellerTrading(UUID seller) {
        sellerTrading(seller);
    }

    /** The seller's standing, read once for both the check and the order's region. */
    private Standing sellerTrading(UUID seller) {
        Optional<Standing> standing = standings.of(seller);
        String status = standing.map(Standing::status).orElse("UNKNOWN");
        if (!status.equals(VERIFIED)) {
            String why = switch (status) {
                case "SUSPENDED" -> "is suspended by the regional administration";
                case "REJECTED" -> "was rejected by the regional administration";
                default -> "is not verified by the regional administration";
            };
            throw ProblemException.conflict("seller-not-trading", "The seller " + why + " and cannot receive orders");
        }
        return standing.get();
    }

    private Order enter(Order order, Optional<PurchasingPolicy> policy) {
        // No flush here: the order, its lines and the outbox row go in the one flush before the
        // idempotency key's insert (or at commit), a placement's only round of writes.
        orders.persist(order);
        OrderEvents events = events(order);
        outbox.append(policy.isPresent() ? events.approvalRequested(policy.get().approvalThresholdUzs()) : events.placed());
        return order;
    }

    /** The caller's organization, verified; its standing also gives the order its region (one read, not two). */
    private Standing buyingOrganization() {
        UUID buyer = caller.requireOrganization();
        Optional<Standing> standing = standings.of(buyer);
        String status = standing.map(Standing::status).orElse("UNKNOWN");
        if (!status.equals(VERIFIED)) {
            throw OrganizationStandings.notVerified(status, "place orders");
        }
        return standing.get();
    }

    private Order.Parties parties(Standing buyer, UUID seller, String what) {
        if (seller.equals(buyer.organizationId())) {
            throw ProblemException.conflict("own-listing", "Your organization sells these " + what + "; it cannot order from itself");
        }
        Standing sellerStanding = sellerTrading(seller);
        return new Order.Parties(buyer.organizationId(), buyer.regionCode(), seller, sellerStanding.regionCode(), caller.userId());
    }

    private Order managed(UUID id, String action) {
        Order order = orders.findByIdOptional(id).filter(found -> caller.memberOf(found.buyerId()))
                .orElseThrow(() -> ProblemException.notFound("Order " + id));
        requireManager(order.buyerId(), action);
        return order;
    }

    private static BigDecimal quantity(String field, ListedProduct product, BigDecimal quantity) {
        if (quantity.compareTo(product.minOrderQuantity()) < 0) {
            throw ProblemException.invalidField(field + ".quantity", "is below the product's minimum order of "
                    + product.minOrderQuantity().stripTrailingZeros().toPlainString() + " " + product.unit());
        }
        if (product.countedInWholeUnits() && quantity.stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalidField(field + ".quantity", "must be a whole number of " + product.unit());
        }
        return quantity;
    }

    private static void checkDelivery(Order.Delivery delivery, Instant now) {
        if (!Regions.isRegion(delivery.regionCode())) {
            throw ProblemException.invalidField("delivery.regionCode", "is not one of the 14 regions' SOATO codes");
        }
        String district = delivery.districtCode();
        if (district != null && (!district.matches("\\d{7}") || !district.startsWith(delivery.regionCode()))) {
            throw ProblemException.invalidField("delivery.districtCode", "must be a 7-digit SOATO district code in region "
                    + delivery.regionCode());
        }
        checkDate("wantedBy", delivery.wantedBy(), now);
    }

    /** A date the buyer or seller names: not in the past, and within {@link #HORIZON_YEARS} years (no order is planned further ahead). */
    static void checkDate(String field, LocalDate date, Instant now) {
        if (date == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, UZBEKISTAN);
        if (date.isBefore(today)) {
            throw ProblemException.invalidField(field, "is in the past");
        }
        if (date.isAfter(today.plusYears(HORIZON_YEARS))) {
            throw ProblemException.invalidField(field, "is more than " + HORIZON_YEARS + " years ahead");
        }
    }

    static final int HORIZON_YEARS = 5;
}
