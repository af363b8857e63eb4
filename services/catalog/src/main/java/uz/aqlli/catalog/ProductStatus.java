package uz.aqlli.catalog;

import uz.aqlli.platform.runtime.listing.ListingStage;
import uz.aqlli.platform.runtime.listing.ListingStatus;

/**
 * A product is prepared as a draft, listed publicly, and taken off the list for good. While its
 * enterprise is suspended a listed product is off the public list too, and comes back as it was
 * when the enterprise is reinstated. The rules are every listing's ({@link uz.aqlli.platform.runtime.listing.ListingLifecycle}).
 */
public enum ProductStatus implements ListingStatus {
    DRAFT(ListingStage.DRAFT),
    PUBLISHED(ListingStage.LISTED),
    SUSPENDED(ListingStage.SUSPENDED),
    WITHDRAWN(ListingStage.WITHDRAWN);

    private final ListingStage stage;

    ProductStatus(ListingStage stage) {
        this.stage = stage;
    }

    @Override
    public ListingStage stage() {
        return stage;
    }
}
