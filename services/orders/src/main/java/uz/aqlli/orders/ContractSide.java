package uz.aqlli.orders;

/** The two parties of a contract: the buyer who awarded the tender and the supplier whose bid won. */
public enum ContractSide {
    BUYER,
    SUPPLIER
}
