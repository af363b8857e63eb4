package uz.aqlli.orders;

/** Why a contract is amended: OCDS 1.1's amendment rationale codes as Prozorro uses them. */
public enum AmendmentRationale {
    VOLUME_CUTS,
    ITEM_PRICE_VARIATION,
    QUALITY_IMPROVEMENT,
    DURATION_EXTENSION,
    PRICE_REDUCTION,
    TAX_RATE,
    THIRD_PARTY
}
