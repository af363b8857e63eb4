package uz.aqlli.offers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.offers.Offer;
import uz.aqlli.offers.OfferEvents;
import uz.aqlli.offers.OfferStatus;
import uz.aqlli.offers.OfferTerms;
import uz.aqlli.offers.repository.OfferFilter;
import uz.aqlli.offers.repository.OfferRepository;
import uz.aqlli.platform.events.Regions;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;
import uz.aqlli.platform.runtime.standing.OrganizationStandings;
import uz.aqlli.platform.runtime.standing.Standing;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The public board of providers' offers, and each provider's own drafts.
 *
 * <p>Whose offer it is comes from the caller's token, never from the request. A draft or
 * withdrawn offer exists only for its provider's members and its region's administration: for
 * everyone else it is 404, not 403, so nobody learns it is there.
 */
@ApplicationScoped
public class OfferBoard {

    private final OfferRepository offers;
    private final EventOutbox outbox;
    private final OrganizationStandings standings;
    private final Caller caller;
    private final Clock clock;

    OfferBoard(OfferRepository offers, EventOutbox outbox, OrganizationStandings standings, Caller caller, Clock clock) {
        this.offers = offers;
        this.outbox = outbox;
        this.standings = standings;
        this.caller = caller;
        this.clock = clock;
    }

    /** A new draft of the caller's organization; drafting needs no verification, publishing does. */
    @Transactional
    public Offer draft(OfferTerms terms) {
        UUID provider = caller.requireOrganization();
        checkRegions("regionsServed", terms.regionsServed());
        Offer offer = Offer.draft(UUID.randomUUID(), provider, terms, clock.instant());
        offers.persist(offer);
        offers.flush();
        return offer;
    }

    @Transactional
    public Offer revise(UUID id, String ifMatch, OfferTerms terms) {
        Offer offer = own(id);
        EntityTags.require(ifMatch, offer.version());
        checkRegions("regionsServed", terms.regionsServed());
        offer.revise(terms, clock.instant());
        if (offer.listed()) {
            standings.requireVerified(offer.providerId(), "change a published offer");
            outbox.append(OfferEvents.updated(offer));
        }
        offers.flush();
        return offer;
    }

    @Transactional
    public Offer publish(UUID id, String ifMatch) {
        Offer offer = own(id);
        EntityTags.require(ifMatch, offer.version());
        standings.requireVerified(offer.providerId(), "publish offers");
        offer.publish(clock.instant());
        outbox.append(OfferEvents.published(offer));
        offers.flush();
        return offer;
    }

    /** Withdrawing needs no verification: a suspended provider must still be able to stop selling. */
    @Transactional
    public Offer withdraw(UUID id, String ifMatch) {
        Offer offer = own(id);
        EntityTags.require(ifMatch, offer.version());
        offer.withdraw(clock.instant());
        outbox.append(OfferEvents.withdrawn(offer));
        offers.flush();
        return offer;
    }

    /**
     * A published offer of a provider in good standing for anyone; any other only for its
     * provider's members and region administration.
     */
    public Offer visible(UUID id) {
        Offer offer = offers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Offer " + id));
        if (offer.status() == OfferStatus.PUBLISHED && !stopped(offer.providerId())
                || caller.memberOf(offer.providerId()) || administers(offer)) {
            return offer;
        }
        throw ProblemException.notFound("Offer " + id);
    }

    /**
     * The public board: published offers only, whatever the filter's status says, and none of a
     * provider the directory has suspended (as this service's copy of the standings says).
     */
    public Listing<Offer> board(OfferFilter filter, int page, int size) {
        var published = new OfferFilter(OfferStatus.PUBLISHED, filter.providerId(), filter.category(), filter.pricingModel(),
                filter.regionCode(), filter.minPrice(), filter.maxPrice(), filter.sort());
        return list(published, true, page, size);
    }

    /** The caller's organization's offers in any status. */
    public Listing<Offer> own(OfferFilter filter, int page, int size) {
        UUID provider = caller.requireOrganization();
        var mine = new OfferFilter(filter.status(), provider, filter.category(), filter.pricingModel(),
                filter.regionCode(), filter.minPrice(), filter.maxPrice(), filter.sort());
        return list(mine, false, page, size);
    }

    private Listing<Offer> list(OfferFilter filter, boolean tradingProvidersOnly, int page, int size) {
        if (filter.minPrice() != null && filter.maxPrice() != null && filter.minPrice().compareTo(filter.maxPrice()) > 0) {
            throw ProblemException.invalidField("minPrice", "must not be above maxPrice");
        }
        var query = offers.search(filter, tradingProvidersOnly);
        return new Listing<>(query.page(page, size).list(), query.count());
    }

    /** The caller's own offer, for a change; anyone else's is 404. */
    private Offer own(UUID id) {
        Offer offer = offers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Offer " + id));
        if (!caller.memberOf(offer.providerId())) {
            throw ProblemException.notFound("Offer " + id);
        }
        return offer;
    }

    /** The directory has stopped the provider since it published (suspended): its offers are off public view. */
    private boolean stopped(UUID provider) {
        return standings.of(provider).map(standing -> !standing.status().equals("VERIFIED")).orElse(false);
    }

    private boolean administers(Offer offer) {
        return caller.administrationRegion().isPresent()
                && standings.of(offer.providerId()).map(Standing::regionCode).map(caller::administers).orElse(false);
    }

    /** Each code one of the 14 regions, none twice; {@code field} names the list in the problem. */
    static void checkRegions(String field, List<String> regions) {
        var seen = new HashSet<String>();
        for (int i = 0; i < regions.size(); i++) {
            String code = regions.get(i);
            if (!Regions.isRegion(code)) {
                throw ProblemException.invalidField(field + "[" + i + "]", "is not one of the 14 regions' SOATO codes");
            }
            if (!seen.add(code)) {
                throw ProblemException.invalidField(field + "[" + i + "]", "names region " + code + " twice");
            }
        }
    }
}
