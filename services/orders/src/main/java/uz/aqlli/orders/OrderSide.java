package uz.aqlli.orders;

/** Which party acts on an order. */
public enum OrderSide {
    BUYER,
    SELLER
}
