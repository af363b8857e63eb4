package uz.aqlli.offers;

import uz.aqlli.platform.events.OfferPublished;
import uz.aqlli.platform.events.OfferUpdated;
import uz.aqlli.platform.events.OfferWithdrawn;

/** An offer's events, built from the offer as it stands after the change, in one place. */
public final class OfferEvents {

    private OfferEvents() {
    }

    public static OfferPublished published(Offer offer) {
        return new OfferPublished(offer.id(), offer.providerId(), offer.category().name(), offer.title(),
                offer.ikpuCode(), offer.pricingModel().name(), offer.priceUzs(), offer.deliveryDays(), offer.regionsServed(), offer.publishedAt());
    }

    public static OfferUpdated updated(Offer offer) {
        return new OfferUpdated(offer.id(), offer.providerId(), offer.category().name(), offer.title(),
                offer.ikpuCode(), offer.pricingModel().name(), offer.priceUzs(), offer.deliveryDays(), offer.regionsServed(), offer.updatedAt());
    }

    public static OfferWithdrawn withdrawn(Offer offer) {
        return new OfferWithdrawn(offer.id(), offer.providerId(), offer.withdrawnAt());
    }
}
