package uz.aqlli.catalog;

/** What a product's price and quantities count. */
public enum UnitOfMeasure {
    PIECE,
    PAIR,
    SET,
    KILOGRAM,
    TONNE,
    METRE,
    SQUARE_METRE,
    CUBIC_METRE,
    LITRE
}
