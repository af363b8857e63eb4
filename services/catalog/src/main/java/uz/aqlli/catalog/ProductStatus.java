package uz.aqlli.catalog;

/** A product is prepared as a draft, listed publicly, and taken off the list for good. */
public enum ProductStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
