package uz.aqlli.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An electronic invoice (ESF, e-Faktura) in the JSON shape Uzbek e-invoice operators take: the
 * seller downloads it and hands it to its operator, who has it signed (E-IMZO) and submitted. The
 * platform moves no money and submits nothing. Unused objects are {@code null} and dates are
 * {@code yyyy-MM-dd}, as operators expect. Where each field comes from: {@code docs/e-invoice.md}.
 *
 * <p>Listed prices include VAT (as Uzbek B2B price lists state them), so a VAT-registered seller's
 * line takes the VAT out of the unit price and adds it back on the line's net sum; a seller without a
 * VAT registration code issues the line without VAT.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"Version", "FacturaType", "FacturaDoc", "ContractDoc", "SellerTin", "BuyerTin", "Seller", "Buyer", "ProductList"})
public record EInvoice(
        @JsonProperty("Version") int version,
        @JsonProperty("FacturaType") int facturaType,
        @JsonProperty("FacturaDoc") Doc facturaDoc,
        @JsonProperty("ContractDoc") ContractDoc contractDoc,
        @JsonProperty("SellerTin") String sellerTin,
        @JsonProperty("BuyerTin") String buyerTin,
        @JsonProperty("Seller") Party seller,
        @JsonProperty("Buyer") Party buyer,
        @JsonProperty("ProductList") ProductList productList) {

    /** {@code FacturaType} 0: a standard invoice (1 additional, 4 corrected: not issued here). */
    public static final int STANDARD = 0;

    public record Doc(@JsonProperty("FacturaNo") String number, @JsonProperty("FacturaDate") LocalDate date) {
    }

    public record ContractDoc(@JsonProperty("ContractNo") String number, @JsonProperty("ContractDate") LocalDate date) {
    }

    /**
     * @param account  the bank account: not kept by the platform ({@code null}), the operator fills it
     * @param bankId   the bank's MFO: likewise
     * @param director likewise
     * @param vatRegStatus the tax committee's VAT status code: the operator fills it from {@code vatRegCode}
     */
    @JsonPropertyOrder({"Name", "Account", "BankId", "Address", "Director", "VatRegCode", "VatRegStatus"})
    public record Party(@JsonProperty("Name") String name, @JsonProperty("Account") String account,
                        @JsonProperty("BankId") String bankId, @JsonProperty("Address") String address,
                        @JsonProperty("Director") String director, @JsonProperty("VatRegCode") String vatRegCode,
                        @JsonProperty("VatRegStatus") Integer vatRegStatus) {
    }

    @JsonPropertyOrder({"Tin", "HasVat", "Products"})
    public record ProductList(@JsonProperty("Tin") String tin, @JsonProperty("HasVat") boolean hasVat,
                              @JsonProperty("Products") List<Line> products) {
    }

    /**
     * @param summa              the unit price without VAT
     * @param deliverySum        count × price without VAT
     * @param deliverySumWithVat what the buyer pays for the line: the order's line amount
     */
    @JsonPropertyOrder({"OrdNo", "CatalogCode", "CatalogName", "Name", "PackageCode", "PackageName", "Count", "Summa",
            "DeliverySum", "VatRate", "VatSum", "DeliverySumWithVat", "WithoutVat", "Origin"})
    public record Line(@JsonProperty("OrdNo") int ordNo, @JsonProperty("CatalogCode") String catalogCode,
                       @JsonProperty("CatalogName") String catalogName, @JsonProperty("Name") String name,
                       @JsonProperty("PackageCode") String packageCode, @JsonProperty("PackageName") String packageName,
                       @JsonProperty("Count") BigDecimal count, @JsonProperty("Summa") BigDecimal summa,
                       @JsonProperty("DeliverySum") BigDecimal deliverySum, @JsonProperty("VatRate") BigDecimal vatRate,
                       @JsonProperty("VatSum") BigDecimal vatSum, @JsonProperty("DeliverySumWithVat") BigDecimal deliverySumWithVat,
                       @JsonProperty("WithoutVat") boolean withoutVat, @JsonProperty("Origin") Integer origin) {
    }

    /** One invoiced line: what was delivered, how many, and its unit price as the order has it (VAT included). */
    public record Billed(String ikpuCode, String name, String unit, BigDecimal count, BigDecimal unitPriceWithVat) {
    }

    /** The two parties as the directory describes them. */
    public record Side(String stir, String legalName, String address, String vatRegistrationCode) {
    }

    /** The document for {@code billed} lines, VAT split out at {@code vatRatePercent} when the seller is VAT-registered. */
    public static EInvoice of(String number, LocalDate date, String contractNumber, LocalDate contractDate, Side seller,
                              Side buyer, List<Billed> billed, BigDecimal vatRatePercent) {
        boolean hasVat = seller.vatRegistrationCode() != null;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < billed.size(); i++) {
            lines.add(line(i + 1, billed.get(i), hasVat ? vatRatePercent : BigDecimal.ZERO, !hasVat));
        }
        return new EInvoice(1, STANDARD, new Doc(number, date), new ContractDoc(contractNumber, contractDate), seller.stir(),
                buyer.stir(), party(seller), party(buyer), new ProductList(seller.stir(), hasVat, List.copyOf(lines)));
    }

    /**
     * The line's arithmetic as operators check it: {@code DeliverySum = Count × Summa} and
     * {@code VatSum = DeliverySum × VatRate / 100}, each to the tiyin, and the total their sum. The
     * unit price without VAT is the order's unit price with the VAT taken out (to the tiyin), so the
     * total can differ from the order's line amount by a few tiyin when the price does not divide.
     */
    static Line line(int ordNo, Billed billed, BigDecimal rate, boolean withoutVat) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal unitNet = withoutVat ? Pricing.money(billed.unitPriceWithVat())
                : billed.unitPriceWithVat().multiply(hundred).divide(hundred.add(rate), 2, RoundingMode.HALF_UP);
        BigDecimal net = Pricing.amount(billed.count(), unitNet);
        BigDecimal vat = withoutVat ? Pricing.money(BigDecimal.ZERO) : Pricing.money(net.multiply(rate).divide(hundred));
        return new Line(ordNo, billed.ikpuCode(), billed.name(), billed.name(), null, billed.unit(), billed.count(), unitNet,
                net, Pricing.money(rate), vat, net.add(vat), withoutVat, null);
    }

    private static Party party(Side side) {
        // VatRegStatus is the tax committee's own status code, which the operator fills from the code.
        return new Party(side.legalName(), null, null, side.address(), null, side.vatRegistrationCode(), null);
    }
}
