package uz.aqlli.orders;

/** What is bought: catalogue products of one enterprise, or one provider's packaged offer. */
public enum OrderKind {
    PRODUCTS,
    SERVICE
}
