package uz.aqlli.orders;

/** How a contract ended early: both parties agreed, or one ended it with a reason. */
public enum TerminationKind {
    BY_AGREEMENT,
    BY_ONE_PARTY
}
