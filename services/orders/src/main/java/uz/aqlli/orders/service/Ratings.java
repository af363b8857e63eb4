package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderStatus;
import uz.aqlli.orders.Rating;
import uz.aqlli.orders.RatingDeal;
import uz.aqlli.orders.RatingScores;
import uz.aqlli.orders.TradingParty;
import uz.aqlli.orders.repository.ContractRepository;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.orders.repository.OrderRepository;
import uz.aqlli.orders.repository.RatingRepository;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.RatingsPublished;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Double-blind ratings of finished deals. Each party's organization rates the other once; nobody
 * but the rater's own members reads a rating (its scores, its text, or that it exists) until the
 * deal's ratings are published together: at the second rating, or when the window closes
 * ({@link RatingSweep}). Only {@code RatingsPublished} carries them out of orders.
 *
 * <p>An order is rateable once {@code COMPLETED}, a contract once {@code COMPLETED} or {@code TERMINATED}
 * (the window from its completion or termination): a cancelled order or contract delivered nothing
 * and moved no money, and a rating there would be about the cancellation, which its events tell.
 */
@ApplicationScoped
public class Ratings {

    private final RatingRepository ratings;
    private final OrderAccess orders;
    private final OrderRepository allOrders;
    private final ContractRepository contracts;
    private final MarketRepository market;
    private final EventOutbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final OrderConfig config;

    Ratings(RatingRepository ratings, OrderAccess orders, OrderRepository allOrders, ContractRepository contracts, MarketRepository market,
            EventOutbox outbox, Caller caller, Clock clock, OrderConfig config) {
        this.ratings = ratings;
        this.orders = orders;
        this.allOrders = allOrders;
        this.contracts = contracts;
        this.market = market;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Rating rate(RatingDeal.Kind kind, UUID dealId, RatingScores scores) {
        UUID rater = caller.requireOrganization();
        RatingDeal deal = finishedDeal(kind, dealId);
        ratings.lockDeal(kind, dealId);
        List<Rating> earlier = ratings.ofDeal(kind, dealId);
        earlier.stream().filter(rating -> rating.raterId().equals(rater)).findFirst().ifPresent(own -> {
            throw ProblemException.conflict("already-rated", "rating", "Your organization rated this deal already (rating "
                    + own.id() + "); a rating cannot be changed");
        });
        Instant now = clock.instant();
        Rating rating = Rating.of(UUID.randomUUID(), deal, rater, caller.userId(), scores, config.ratingWindow(), now);
        ratings.persist(rating);
        if (!earlier.isEmpty()) {
            List<Rating> both = new java.util.ArrayList<>(earlier);
            both.add(rating);
            publish(kind, dealId, both, "BOTH_RATED", now);
        }
        ratings.flush();
        return rating;
    }

    /**
     * Publishes what is still hidden of a deal whose window has closed, as of the window's end (so a
     * sweep after downtime dates it as the rule does, not as it came).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishIfDue(RatingDeal.Kind kind, UUID dealId) {
        ratings.lockDeal(kind, dealId);
        List<Rating> all = ratings.ofDeal(kind, dealId);
        Instant now = clock.instant();
        Optional<Instant> windowEnd = all.stream().filter(rating -> !rating.published()).map(Rating::windowEndsAt)
                .filter(end -> !end.isAfter(now)).min(Comparator.naturalOrder());
        windowEnd.ifPresent(end -> publish(kind, dealId, all, "WINDOW_CLOSED", end));
    }

    private void publish(RatingDeal.Kind kind, UUID dealId, List<Rating> all, String by, Instant at) {
        all.forEach(rating -> rating.publish(at));
        DealFacts deal = factsOf(kind, dealId);
        outbox.append(new RatingsPublished(kind.name(), dealId, deal.buyer(), deal.seller(), deal.sector(), deal.serviceCategory(),
                by, all.stream().map(rating -> new RatingsPublished.PublishedRating(
                rating.id(), rating.raterId(), rating.ratedId(), rating.quality(), rating.timeliness(), rating.communication(),
                rating.text(), rating.ratedAt())).toList(), at));
    }

    /** What the lake and the red flags count a deal's ratings by: where both parties sit, and what was traded. */
    private record DealFacts(OrderParty buyer, OrderParty seller, String sector, String serviceCategory) {
    }

    private DealFacts factsOf(RatingDeal.Kind kind, UUID dealId) {
        return switch (kind) {
            case ORDER -> {
                Order order = allOrders.findByIdOptional(dealId).orElseThrow();
                yield new DealFacts(party(order.buyerId(), order.buyerRegionCode()), party(order.sellerId(), order.sellerRegionCode()),
                        order.sector(), order.serviceCategory());
            }
            case CONTRACT -> {
                Contract contract = contract(dealId);
                yield new DealFacts(party(contract.buyerId(), null), party(contract.supplierId(), null), null, contract.category());
            }
        };
    }

    /** The party as the directory describes it; failing its copy, what the deal itself kept of it. */
    private OrderParty party(UUID organization, String regionCode) {
        return market.party(organization).map(TradingParty::asOrderParty)
                .orElse(new OrderParty(organization, regionCode, null, null, null));
    }

    /** The rated party's one public answer to a published rating. */
    @Transactional
    public Rating respond(UUID ratingId, String text) {
        Rating rating = readable(ratingId);
        if (!caller.memberOf(rating.ratedId())) {
            throw ProblemException.forbidden("not-the-rated-party", "id", "Only the rated organization's members respond to a rating");
        }
        rating.respond(text, caller.userId(), clock.instant());
        ratings.flush();
        return rating;
    }

    /** A rating the caller may read: published, or hidden and the caller's own organization's; otherwise 404. */
    public Rating readable(UUID ratingId) {
        return ratings.findByIdOptional(ratingId).filter(this::readable)
                .orElseThrow(() -> ProblemException.notFound("Rating " + ratingId));
    }

    /** The deal's ratings the caller may read; the deal must be one the caller sees. */
    public List<Rating> ofDeal(RatingDeal.Kind kind, UUID dealId) {
        visibleDeal(kind, dealId);
        return ratings.ofDeal(kind, dealId).stream().filter(this::readable).toList();
    }

    public Listing<Rating> ofOrganization(UUID organization, int page, int size) {
        var query = ratings.publishedOf(organization);
        return new Listing<>(query.page(page, size).list(), query.count());
    }

    private boolean readable(Rating rating) {
        return rating.published() || caller.memberOf(rating.raterId());
    }

    private void visibleDeal(RatingDeal.Kind kind, UUID dealId) {
        switch (kind) {
            case ORDER -> orders.visible(dealId);
            case CONTRACT -> contract(dealId);
        }
    }

    /** Contracts are public, as their tenders: anyone may know one exists. */
    private Contract contract(UUID id) {
        return contracts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Contract " + id));
    }

    /** The deal, if the caller's organization is one of its parties and it has ended; 404, 403 or 409 otherwise. */
    private RatingDeal finishedDeal(RatingDeal.Kind kind, UUID dealId) {
        return switch (kind) {
            case ORDER -> {
                Order order = orders.visible(dealId);
                if (orders.side(order).isEmpty()) {
                    throw ProblemException.forbidden("not-a-party", kind.field(), "Only the order's buyer and seller rate each other");
                }
                if (order.status() != OrderStatus.COMPLETED) {
                    throw ProblemException.conflict("deal-not-finished", kind.field(), "The order is " + order.status()
                            + "; its parties rate each other once it is completed");
                }
                yield new RatingDeal(kind, dealId, order.buyerId(), order.sellerId(), order.closedAt());
            }
            case CONTRACT -> {
                Contract contract = contract(dealId);
                if (!caller.memberOf(contract.buyerId()) && !caller.memberOf(contract.supplierId())) {
                    throw ProblemException.forbidden("not-a-party", kind.field(), "Only the contract's buyer and supplier rate each other");
                }
                Instant ended = switch (contract.status()) {
                    case COMPLETED -> contract.completedAt();
                    case TERMINATED -> contract.terminatedAt();
                    default -> null;
                };
                if (ended == null) {
                    throw ProblemException.conflict("deal-not-finished", kind.field(), "The contract is " + contract.status()
                            + "; its parties rate each other once it is completed or terminated");
                }
                yield new RatingDeal(kind, dealId, contract.buyerId(), contract.supplierId(), ended);
            }
        };
    }
}
