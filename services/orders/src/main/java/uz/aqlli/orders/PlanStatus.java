package uz.aqlli.orders;

/** Where one version of a milestone plan stands. */
public enum PlanStatus {
    /** Awaiting the buyer's answer. */
    PROPOSED,
    CHANGES_REQUESTED,
    AGREED,
    /** The supplier proposed a later version before this one was signed. */
    SUPERSEDED
}
