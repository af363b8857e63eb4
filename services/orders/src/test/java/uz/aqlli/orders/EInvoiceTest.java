package uz.aqlli.orders;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The e-invoice document's sums: VAT split out of VAT-inclusive amounts, or none for a seller without VAT. */
class EInvoiceTest {

    private static final EInvoice.Side VAT_SELLER = new EInvoice.Side("301234567", "Seller MChJ", "Buxoro sh., 1", "326020012345");
    private static final EInvoice.Side NO_VAT_SELLER = new EInvoice.Side("301234567", "Seller MChJ", "Buxoro sh., 1", null);
    private static final EInvoice.Side BUYER = new EInvoice.Side("302222222", "Buyer AJ", "Navoiy sh., 2", null);

    @Test
    void aVatRegisteredSellersLineSplitsTheVatItContains() {
        var line = new EInvoice.Billed("10101001001000000", "Paxta ip", "KILOGRAM", new BigDecimal("100"), new BigDecimal("1120.00"));
        EInvoice invoice = EInvoice.of("AE-2026-000001", LocalDate.of(2026, 12, 1), "AE-2026-000001", LocalDate.of(2026, 11, 20),
                VAT_SELLER, BUYER, List.of(line), new BigDecimal("12"));
        EInvoice.Line billed = invoice.productList().products().getFirst();
        assertEquals(new BigDecimal("12000.00"), billed.vatSum());
        assertEquals(new BigDecimal("100000.00"), billed.deliverySum());
        assertEquals(new BigDecimal("1000.00"), billed.summa());
        assertEquals(new BigDecimal("112000.00"), billed.deliverySumWithVat());
        assertEquals(new BigDecimal("12.00"), billed.vatRate());
        assertFalse(billed.withoutVat());
        assertTrue(invoice.productList().hasVat());
        assertEquals("301234567", invoice.sellerTin());
        assertEquals("302222222", invoice.buyerTin());
        assertEquals("326020012345", invoice.seller().vatRegCode());
        assertEquals(EInvoice.STANDARD, invoice.facturaType());
    }

    @Test
    void everyLinesArithmeticHoldsAsOperatorsCheckItWhenThePriceDoesNotDivide() {
        var line = new EInvoice.Billed("10101001001000000", "X", "PIECE", new BigDecimal("7"), new BigDecimal("142.86"));
        EInvoice.Line billed = EInvoice.of("N", LocalDate.now(), "N", LocalDate.now(), VAT_SELLER, BUYER, List.of(line),
                new BigDecimal("12")).productList().products().getFirst();
        // 142.86 without 12 % VAT = 127.5535... -> 127.55; 7 x 127.55 = 892.85; 12 % of it = 107.142 -> 107.14
        assertEquals(new BigDecimal("127.55"), billed.summa());
        assertEquals(new BigDecimal("892.85"), billed.deliverySum());
        assertEquals(billed.count().multiply(billed.summa()).setScale(2), billed.deliverySum());
        assertEquals(new BigDecimal("107.14"), billed.vatSum());
        assertEquals(new BigDecimal("999.99"), billed.deliverySumWithVat());
        assertEquals(billed.deliverySumWithVat(), billed.deliverySum().add(billed.vatSum()));
    }

    @Test
    void aSellerWithoutVatRegistrationIssuesTheLineWithoutVat() {
        var line = new EInvoice.Billed("10101001001000000", "X", "PIECE", new BigDecimal("2"), new BigDecimal("250.00"));
        EInvoice invoice = EInvoice.of("N", LocalDate.now(), "N", LocalDate.now(), NO_VAT_SELLER, BUYER, List.of(line),
                new BigDecimal("12"));
        EInvoice.Line billed = invoice.productList().products().getFirst();
        assertTrue(billed.withoutVat());
        assertEquals(new BigDecimal("0.00"), billed.vatSum());
        assertEquals(new BigDecimal("500.00"), billed.deliverySum());
        assertEquals(new BigDecimal("250.00"), billed.summa());
        assertFalse(invoice.productList().hasVat());
        assertNull(invoice.seller().vatRegCode());
    }
}
