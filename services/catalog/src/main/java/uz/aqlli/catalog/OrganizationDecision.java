package uz.aqlli.catalog;

/** What the regional administration decides about an organization, and the status it leads to. */
public enum OrganizationDecision {
    VERIFY(OrganizationStatus.VERIFIED, false),
    REJECT(OrganizationStatus.REJECTED, true),
    SUSPEND(OrganizationStatus.SUSPENDED, true),
    REINSTATE(OrganizationStatus.VERIFIED, false);

    private final OrganizationStatus outcome;
    private final boolean reasonRequired;

    OrganizationDecision(OrganizationStatus outcome, boolean reasonRequired) {
        this.outcome = outcome;
        this.reasonRequired = reasonRequired;
    }

    public OrganizationStatus outcome() {
        return outcome;
    }

    /** A rejection or suspension tells the organization why; verifying needs no words. */
    public boolean reasonRequired() {
        return reasonRequired;
    }
}
