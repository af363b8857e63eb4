package uz.aqlli.platform.runtime.listing;

/**
 * Where a listing (an enterprise's product, a provider's offer) is in its life, whatever its
 * service calls the status: prepared as a draft, listed publicly, off the public list while its
 * organization is suspended, or taken off the list for good.
 */
public enum ListingStage {
    DRAFT,
    LISTED,
    /** Still listed, but hidden until the organization is reinstated; its owner may still withdraw it. */
    SUSPENDED,
    WITHDRAWN
}
