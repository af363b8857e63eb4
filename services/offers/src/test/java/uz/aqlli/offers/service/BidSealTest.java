package uz.aqlli.offers.service;

import org.junit.jupiter.api.Test;
import uz.aqlli.offers.AwardCriterion;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.BidTerms;
import uz.aqlli.offers.RequestTerms;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.platform.events.ServiceCategory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read a bid's price and proposal, and the bid count, at each stage of the tender. */
class BidSealTest {

    static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant DEADLINE = PUBLISHED.plusSeconds(5 * 24 * 3600);
    static final Instant AFTER = DEADLINE.plusSeconds(60);

    final UUID buyer = UUID.randomUUID();
    final UUID bidder = UUID.randomUUID();
    final Optional<UUID> asBuyer = Optional.of(buyer);
    final Optional<UUID> asBidder = Optional.of(bidder);
    final Optional<UUID> asAnotherProvider = Optional.of(UUID.randomUUID());
    /** Anonymous callers and the administration act for no organization. */
    final Optional<UUID> asNobody = Optional.empty();
    /** The first bid is the tested bidder's; every further one another provider's. */
    private int bids;

    @Test
    void whileOpenOnlyTheBidderReadsItsBid() {
        ServiceRequest request = request();
        Bid bid = bid(request);
        assertTrue(BidSeal.opens(bid, request, asBidder));
        for (Optional<UUID> other : List.of(asBuyer, asAnotherProvider, asNobody)) {
            assertFalse(BidSeal.opens(bid, request, other), other.toString());
        }
    }

    @Test
    void afterTheDeadlineTheBuyerReadsTheActiveBidsAndNobodyElseDoes() {
        ServiceRequest request = request();
        Bid bid = bid(request);
        Bid withdrawn = bid(request);
        withdrawn.withdraw(DEADLINE.minusSeconds(60));
        request.close(1, AFTER);
        assertTrue(BidSeal.opens(bid, request, asBuyer));
        assertFalse(BidSeal.opens(withdrawn, request, asBuyer), "a withdrawn bid is no part of the evaluation");
        assertTrue(BidSeal.opens(bid, request, asBidder));
        assertFalse(BidSeal.opens(bid, request, asAnotherProvider));
        assertFalse(BidSeal.opens(bid, request, asNobody));
    }

    @Test
    void afterTheAwardEveryoneReadsTheActiveBids() {
        ServiceRequest request = request();
        Bid bid = bid(request);
        Bid withdrawn = bid(request);
        withdrawn.withdraw(DEADLINE.minusSeconds(60));
        request.close(1, AFTER);
        request.award(bid.id(), null, AFTER);
        for (Optional<UUID> anyone : List.of(asBuyer, asBidder, asAnotherProvider, asNobody)) {
            assertTrue(BidSeal.opens(bid, request, anyone), anyone.toString());
            assertFalse(BidSeal.opens(withdrawn, request, anyone), anyone.toString());
        }
        assertTrue(BidSeal.opens(withdrawn, request, Optional.of(withdrawn.providerId())), "its bidder still reads it");
    }

    @Test
    void aRequestCancelledBeforeTheDeadlineKeepsItsBidsSealedEvenFromTheBuyer() {
        ServiceRequest request = request();
        Bid bid = bid(request);
        request.cancel("Loyiha to'xtatildi", DEADLINE.minusSeconds(3600));
        assertFalse(BidSeal.opens(bid, request, asBuyer));
        assertFalse(BidSeal.opens(bid, request, asNobody));
        assertTrue(BidSeal.opens(bid, request, asBidder));

        ServiceRequest cancelledInEvaluation = request();
        Bid revealed = bid(cancelledInEvaluation);
        cancelledInEvaluation.close(1, AFTER);
        cancelledInEvaluation.cancel("Loyiha to'xtatildi", AFTER);
        assertTrue(BidSeal.opens(revealed, cancelledInEvaluation, asBuyer), "what the buyer saw at the deadline stays seen");
        assertFalse(BidSeal.opens(revealed, cancelledInEvaluation, asAnotherProvider));
    }

    @Test
    void aDeclinedAwardLeavesTheBidsAndTheirCountAsPublicAsTheAwardMadeThem() {
        ServiceRequest request = request();
        Bid bid = bid(request);
        Bid declining = bid(request);
        request.close(2, AFTER);
        request.award(declining.id(), null, AFTER);
        declining.declineAward(AFTER.plusSeconds(60));
        request.awardDeclined(declining.id());
        for (Optional<UUID> anyone : List.of(asBuyer, asBidder, asAnotherProvider, asNobody)) {
            assertTrue(BidSeal.opens(bid, request, anyone), anyone.toString());
            assertTrue(BidSeal.opens(declining, request, anyone), anyone.toString());
            assertTrue(BidSeal.countsFor(request, anyone), anyone.toString());
        }
        request.declareUnsuccessful("Qolgan taklif mos emas", AFTER.plusSeconds(120));
        assertTrue(BidSeal.opens(bid, request, asNobody), "an outcome after the decline does not seal them either");
    }

    @Test
    void theBuyerAlwaysKnowsHowManyBidsThereAreEveryoneElseOnlyAfterTheAward() {
        ServiceRequest request = request();
        assertTrue(BidSeal.countsFor(request, asBuyer));
        for (Optional<UUID> other : List.of(asBidder, asAnotherProvider, asNobody)) {
            assertFalse(BidSeal.countsFor(request, other), other.toString());
        }
        request.close(1, AFTER);
        assertFalse(BidSeal.countsFor(request, asNobody));
        request.award(UUID.randomUUID(), null, AFTER);
        for (Optional<UUID> anyone : List.of(asBuyer, asBidder, asAnotherProvider, asNobody)) {
            assertTrue(BidSeal.countsFor(request, anyone), anyone.toString());
        }
    }

    private ServiceRequest request() {
        return ServiceRequest.publish(UUID.randomUUID(), buyer, new RequestTerms(ServiceCategory.ERP, Map.of("uz-Latn", "ERP"),
                Map.of("uz-Latn", "Ombor"), List.of("1706"), null, false, DEADLINE, AwardCriterion.LOWEST_PRICE, 100, 0), PUBLISHED);
    }

    private Bid bid(ServiceRequest request) {
        UUID provider = bids++ == 0 ? bidder : UUID.randomUUID();
        Bid bid = Bid.submit(UUID.randomUUID(), request.id(), provider, new BidTerms(new BigDecimal("1000000.00"), 30, "Taklif"),
                PUBLISHED.plusSeconds(60));
        assertEquals(provider, bid.providerId());
        return bid;
    }
}
