package uz.aqlli.offers;

/** An offer is prepared as a draft, goes on the public board, and is taken off it for good. */
public enum OfferStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
