package uz.aqlli.catalog;

/** What an organization does on the marketplace. */
public enum OrganizationKind {
    /** An industrial firm: lists products and buys digital services. */
    ENTERPRISE,
    /** An IT company: sells digital services. */
    PROVIDER
}
