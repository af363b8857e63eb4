package uz.aqlli.orders;

/** Where one milestone of the signed plan stands (OCDS milestone statuses, with the delivery awaiting the buyer's answer). */
public enum MilestoneStatus {
    SCHEDULED,
    /** The supplier says it is done; the buyer answers within the acceptance window, or it is accepted. */
    DELIVERED,
    MET,
    /** The buyer accepted part of it: the accepted amount is less than the milestone's. */
    PARTIALLY_MET
}
