package uz.aqlli.platform.events;

/** Where a firm sits (the brief's reference data): the administration's figures are cut by it. */
public enum ZoneType {
    TECHNOPARK,
    SMALL_INDUSTRIAL_ZONE,
    FREE_ECONOMIC_ZONE,
    SPECIAL_INDUSTRIAL_ZONE,
    CLUSTER,
    NONE;

    /** Every zone but {@code NONE} is a named place (e.g. "Buxoro paxta-to'qimachilik klasteri"). */
    public boolean named() {
        return this != NONE;
    }
}
