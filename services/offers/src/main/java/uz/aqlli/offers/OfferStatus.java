package uz.aqlli.offers;

import uz.aqlli.platform.runtime.listing.ListingStage;
import uz.aqlli.platform.runtime.listing.ListingStatus;

/**
 * An offer is prepared as a draft, goes on the public board, and is taken off it for good: every
 * listing's rules ({@link uz.aqlli.platform.runtime.listing.ListingLifecycle}). There is no
 * suspended status: the board leaves out a suspended provider's offers by its standing instead.
 */
public enum OfferStatus implements ListingStatus {
    DRAFT(ListingStage.DRAFT),
    PUBLISHED(ListingStage.LISTED),
    WITHDRAWN(ListingStage.WITHDRAWN);

    private final ListingStage stage;

    OfferStatus(ListingStage stage) {
        this.stage = stage;
    }

    @Override
    public ListingStage stage() {
        return stage;
    }
}
