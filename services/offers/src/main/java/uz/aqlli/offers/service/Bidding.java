package uz.aqlli.offers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.BidTerms;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.offers.repository.BidRepository;
import uz.aqlli.offers.repository.ServiceRequestRepository;
import uz.aqlli.platform.events.BidSubmitted;
import uz.aqlli.platform.events.BidWithdrawn;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;
import uz.aqlli.platform.runtime.standing.OrganizationStandings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sealed bids: submitted, revised and withdrawn by their provider while the tender is open, and
 * read only as {@link BidSeal} allows.
 *
 * <p>A bid is accepted if the server's clock is before the deadline while the request is locked
 * (shared) for it. Closing the tender takes that lock exclusively, so a bid is either in before
 * the deadline and part of the reveal, or refused: never accepted and then missing.
 *
 * <p>Nothing a refusal says depends on another provider's bid.
 */
@ApplicationScoped
public class Bidding {

    private final ServiceRequestRepository requests;
    private final BidRepository bids;
    private final Tendering tendering;
    private final EventOutbox outbox;
    private final OrganizationStandings standings;
    private final Caller caller;
    private final Clock clock;

    Bidding(ServiceRequestRepository requests, BidRepository bids, Tendering tendering, EventOutbox outbox,
            OrganizationStandings standings, Caller caller, Clock clock) {
        this.requests = requests;
        this.bids = bids;
        this.tendering = tendering;
        this.outbox = outbox;
        this.standings = standings;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public Bid submit(UUID requestId, BidTerms terms) {
        UUID provider = caller.requireOrganization();
        ServiceRequest request = openForBids(requestId);
        standings.requireVerified(provider, "bid");
        if (bids.ofProvider(requestId, provider).stream().anyMatch(Bid::active)) {
            throw activeBidExists();
        }
        Bid bid = Bid.submit(UUID.randomUUID(), request.id(), provider, terms, clock.instant());
        try {
            bids.persist(bid);
            bids.flush();
        } catch (PersistenceException e) {
            // Two submits of the same provider raced past the check above; the unique index decided.
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw activeBidExists();
            }
            throw e;
        }
        outbox.append(new BidSubmitted(request.id(), bid.id(), 0, bid.submittedAt()));
        return bid;
    }

    @Transactional
    public Bid revise(UUID requestId, UUID bidId, BidTerms terms) {
        Bid bid = ownActive(requestId, bidId);
        openForBids(requestId);
        standings.requireVerified(bid.providerId(), "bid");
        Instant now = clock.instant();
        bid.revise(terms, now);
        outbox.append(new BidSubmitted(requestId, bid.id(), bid.revision(), now));
        bids.flush();
        return bid;
    }

    /** Withdrawing needs no verification: a suspended provider must still be able to step back. */
    @Transactional
    public Bid withdraw(UUID requestId, UUID bidId) {
        Bid bid = ownActive(requestId, bidId);
        openForBids(requestId);
        Instant now = clock.instant();
        bid.withdraw(now);
        outbox.append(new BidWithdrawn(requestId, bid.id(), now));
        bids.flush();
        return bid;
    }

    /** The bids of the request the caller may read, as {@link BidSeal} allows; the request is brought up to date first. */
    @Transactional
    public Sealed<List<Bid>> visible(UUID requestId) {
        ServiceRequest request = tendering.current(requestId);
        var organization = caller.organizationId();
        List<Bid> mine = organization.map(id -> bids.ofProvider(requestId, id)).orElse(List.of());
        List<Bid> others = bids.revealed(requestId).stream()
                .filter(bid -> !mine.contains(bid) && BidSeal.opens(bid, request, organization)).toList();
        var readable = new java.util.ArrayList<Bid>(mine);
        readable.addAll(others);
        Long count = BidSeal.countsFor(request, organization) ? bids.countActive(requestId) : null;
        return new Sealed<>(request, readable, count);
    }

    /** One bid, when the caller may read it; otherwise 404, as if it did not exist. */
    @Transactional
    public Bid visible(UUID requestId, UUID bidId) {
        ServiceRequest request = tendering.current(requestId);
        return bids.findByIdOptional(bidId)
                .filter(bid -> bid.requestId().equals(requestId))
                .filter(bid -> BidSeal.opens(bid, request, caller.organizationId()))
                .orElseThrow(() -> ProblemException.notFound("Bid " + bidId));
    }

    /** What the caller may read of the bids, with the request it was judged against and, when allowed, the count. */
    public record Sealed<T>(ServiceRequest request, T items, Long bidCount) {
    }

    private ServiceRequest openForBids(UUID requestId) {
        ServiceRequest request = requests.lockToBid(requestId).orElseThrow(() -> Tendering.notFound(requestId));
        requests.getEntityManager().refresh(request);
        if (!request.openAt(clock.instant())) {
            throw ProblemException.conflict("tender-closed",
                    "The tender closed at " + request.deadline() + " (server time); bids are no longer taken or changed");
        }
        return request;
    }

    private Bid ownActive(UUID requestId, UUID bidId) {
        Bid bid = bids.findByIdOptional(bidId)
                .filter(found -> found.requestId().equals(requestId) && caller.memberOf(found.providerId()))
                .orElseThrow(() -> ProblemException.notFound("Bid " + bidId));
        if (!bid.active()) {
            throw ProblemException.conflict("bid-withdrawn", "The bid was withdrawn; submit a new one");
        }
        return bid;
    }

    private static ProblemException activeBidExists() {
        return ProblemException.conflict("active-bid-exists",
                "Your organization already has an active bid on this request; revise or withdraw it instead");
    }
}
