package uz.aqlli.platform.runtime.listing;

/**
 * A service's own listing status (stored and shown under its own name), placed on the shared
 * lifecycle so that {@link ListingLifecycle} can apply the same rules to every listing.
 */
public interface ListingStatus {

    ListingStage stage();
}
