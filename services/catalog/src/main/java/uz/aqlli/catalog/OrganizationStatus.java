package uz.aqlli.catalog;

/** Whether the regional administration lets the organization trade. */
public enum OrganizationStatus {
    PENDING,
    VERIFIED,
    SUSPENDED
}
