package uz.aqlli.platform.events;

/** Industrial sectors of the region's enterprises (the brief's reference data). */
public enum Sector {
    TEXTILE_AND_GARMENTS,
    LEATHER_AND_FOOTWEAR,
    AGRO_FOOD_PROCESSING,
    PHARMA,
    MACHINE_BUILDING,
    ELECTROTECHNICAL,
    CHEMICALS,
    BUILDING_MATERIALS,
    METALLURGY,
    IT
}
