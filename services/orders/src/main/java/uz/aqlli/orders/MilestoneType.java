package uz.aqlli.orders;

/** What a milestone is for (OCDS milestone types this marketplace uses). */
public enum MilestoneType {
    DELIVERY,
    PAYMENT
}
