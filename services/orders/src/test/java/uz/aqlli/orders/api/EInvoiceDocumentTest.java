package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/** The e-invoice document of a completed order and of an accepted subscription month: every field and where it comes from. */
@QuarkusTest
class EInvoiceDocumentTest extends MarketTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Tashkent")).toString();

    @Test
    void aCompletedProductOrdersInvoiceNamesBothPartiesAndEveryLine() {
        var seller = market.enterprise("1712"); // VAT-registered
        var buyer = market.enterprise("1706");
        var yarn = market.product(seller, "KILOGRAM", "1120", "1", "10101001001000000");
        var cloth = market.product(seller, "METRE", "560", "1", "10101001002000000");
        var unnamed = market.product(seller, "PIECE", "100", "1", null);

        String id = buyer.as().body(order(line(yarn, "100"), line(cloth, "10"))).post(ORDERS).then().statusCode(201)
                .extract().path("id");
        String number = as(buyer.manager).get(ORDERS + "/" + id).then().extract().path("orderNumber");
        as(seller.manager).get(ORDERS + "/" + id + "/e-invoice").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:order-not-completed"));
        complete(seller, buyer, id);

        as(seller.manager).get(ORDERS + "/" + id + "/e-invoice").then().statusCode(200)
                .body("Version", equalTo(1)).body("FacturaType", equalTo(0))
                .body("FacturaDoc.FacturaNo", equalTo(number)).body("FacturaDoc.FacturaDate", equalTo(TODAY))
                .body("ContractDoc.ContractNo", equalTo(number)).body("ContractDoc.ContractDate", equalTo(TODAY))
                .body("SellerTin", equalTo(seller.stir)).body("BuyerTin", equalTo(buyer.stir))
                .body("Seller.Name", equalTo(seller.legalName)).body("Seller.Address", equalTo("Sinov ko'chasi, 7-uy"))
                .body("Seller.VatRegCode", equalTo("326020012345")).body("Seller.Account", nullValue())
                .body("Buyer.Name", equalTo(buyer.legalName))
                .body("ProductList.Tin", equalTo(seller.stir)).body("ProductList.HasVat", equalTo(true))
                .body("ProductList.Products", hasSize(2))
                .body("ProductList.Products[0].OrdNo", equalTo(1))
                .body("ProductList.Products[0].CatalogCode", equalTo("10101001001000000"))
                .body("ProductList.Products[0].CatalogName", equalTo("Paxta ipi"))
                .body("ProductList.Products[0].PackageName", equalTo("KILOGRAM"))
                .body("ProductList.Products[0].Count", equalTo(100.0f))
                .body("ProductList.Products[0].Summa", equalTo(1000.00f))
                .body("ProductList.Products[0].DeliverySum", equalTo(100000.00f))
                .body("ProductList.Products[0].VatRate", equalTo(12.00f))
                .body("ProductList.Products[0].VatSum", equalTo(12000.00f))
                .body("ProductList.Products[0].DeliverySumWithVat", equalTo(112000.00f))
                .body("ProductList.Products[0].WithoutVat", equalTo(false))
                .body("ProductList.Products[1].CatalogCode", equalTo("10101001002000000"))
                .body("ProductList.Products[1].DeliverySumWithVat", equalTo(5600.00f));
        // the buyer is party to it too; nobody else
        as(buyer.manager).get(ORDERS + "/" + id + "/e-invoice").then().statusCode(200);
        as(Tokens.demoUser(realmUrl, "admin-navoi")).get(ORDERS + "/" + id + "/e-invoice").then().statusCode(403);

        // a line whose product has no IKPU code cannot be invoiced: the problem names the line
        String withoutCode = buyer.as().body(order(line(yarn, "1"), line(unnamed, "2"))).post(ORDERS).then().extract().path("id");
        complete(seller, buyer, withoutCode);
        as(seller.manager).get(ORDERS + "/" + withoutCode + "/e-invoice").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:ikpu-code-missing")).body("errors[0].field", equalTo("items[1]"));
    }

    @Test
    void eachAcceptedMonthHasItsOwnInvoiceWithoutVatForASellerNotRegisteredForIt() {
        var provider = market.provider("1726"); // no VAT registration
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "MONTHLY_SUBSCRIPTION", "800000");
        String path = ORDERS + "/" + buyer.as().body(Map.of("offerId", offer.toString(), "months", 2)).post(ORDERS).then()
                .extract().path("id");
        String number = as(buyer.manager).get(path).then().extract().path("orderNumber");
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(60)))
                .post(path + "/confirmation").then().statusCode(200);
        as(provider.manager).header("If-Match", "\"1\"").post(path + "/months/1/delivery").then().statusCode(200);
        as(provider.manager).get(path + "/months/1/e-invoice").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:month-not-accepted"));
        as(buyer.manager).header("If-Match", "\"2\"").post(path + "/months/1/acceptance").then().statusCode(200);
        as(provider.manager).get(path + "/e-invoice").then().statusCode(409).body("type", equalTo("urn:aqlli:problem:invoiced-by-month"));
        as(provider.manager).get(path + "/months/1/e-invoice").then().statusCode(200)
                .body("FacturaDoc.FacturaNo", equalTo(number + "-1"))
                .body("ProductList.HasVat", equalTo(false))
                .body("ProductList.Products", hasSize(1))
                .body("ProductList.Products[0].CatalogCode", equalTo("62010000100000000"))
                .body("ProductList.Products[0].Count", equalTo(1))
                .body("ProductList.Products[0].DeliverySumWithVat", equalTo(800000.00f))
                .body("ProductList.Products[0].VatSum", equalTo(0.00f))
                .body("ProductList.Products[0].WithoutVat", equalTo(true))
                .body("Seller.VatRegCode", nullValue());
    }

    private static void complete(Market.Org seller, Market.Org buyer, String id) {
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(2)))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(200);
        as(seller.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"2\"").post(ORDERS + "/" + id + "/acceptance").then().statusCode(200);
    }
}
