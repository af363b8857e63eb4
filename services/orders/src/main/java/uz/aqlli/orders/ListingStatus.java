package uz.aqlli.orders;

/** Whether a copied product or offer may be ordered: published, or withdrawn by its seller. */
public enum ListingStatus {
    PUBLISHED,
    WITHDRAWN
}
