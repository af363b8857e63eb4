package uz.aqlli.catalog;

import java.util.Set;

/**
 * Whether the regional administration lets the organization trade.
 *
 * <pre>
 * PENDING ──verify──▶ VERIFIED ──suspend──▶ SUSPENDED
 *    │                    ▲                     │
 *    └──reject──▶ REJECTED └──────reinstate─────┘
 * </pre>
 */
public enum OrganizationStatus {
    PENDING,
    VERIFIED,
    REJECTED,
    SUSPENDED;

    /** The decisions the administration can take on an organization in this status. */
    public Set<OrganizationDecision> allowedDecisions() {
        return switch (this) {
            case PENDING -> Set.of(OrganizationDecision.VERIFY, OrganizationDecision.REJECT);
            case VERIFIED -> Set.of(OrganizationDecision.SUSPEND);
            case SUSPENDED -> Set.of(OrganizationDecision.REINSTATE);
            case REJECTED -> Set.of();
        };
    }

    public boolean mayTrade() {
        return this == VERIFIED;
    }
}
