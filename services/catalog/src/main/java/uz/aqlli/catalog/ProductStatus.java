package uz.aqlli.catalog;

/**
 * A product is prepared as a draft, listed publicly, and taken off the list for good. While its
 * enterprise is suspended a listed product is off the public list too, and comes back as it was
 * when the enterprise is reinstated.
 */
public enum ProductStatus {
    DRAFT,
    PUBLISHED,
    SUSPENDED,
    WITHDRAWN
}
