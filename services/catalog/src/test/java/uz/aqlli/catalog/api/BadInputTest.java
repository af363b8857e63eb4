package uz.aqlli.catalog.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.InputRules;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.util.Map;

import static uz.aqlli.platform.testing.InputRules.as;
import static uz.aqlli.platform.testing.InputRules.call;
import static uz.aqlli.platform.testing.InputRules.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static uz.aqlli.catalog.api.Registrations.enterprise;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.post;
import static uz.aqlli.catalog.api.Registrations.with;
import static uz.aqlli.platform.testing.Demo.BUKHARA_TEXTILE;

/**
 * Input that used to be a 500 (or a misleading 503) is a 400 problem naming the field: control
 * characters in texts and in {@code q}, a page past the depth, a key given twice, a yes/no
 * parameter that is neither.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class BadInputTest {

    static final String PRODUCTS = "/api/catalog/products";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Test
    void aControlCharacterInAProductNameIsRefusedNamingTheField() {
        String enterprise1 = Tokens.demoUser(realmUrl, "enterprise1");
        var body = ProductCatalogueTest.product(Map.of("uz-Latn", "Paxta\u0000 ipi"), Map.of("ru", "Хлопковая пряжа\u0008"),
                "TEXTILE_AND_GARMENTS", "1000", true);
        refused(as(enterprise1).body(body).post(PRODUCTS).then(), "name.uz-Latn");
        body.put("name", Map.of("uz-Latn", "Paxta ipi"));
        refused(as(enterprise1).body(body).post(PRODUCTS).then(), "description.ru");
    }

    @Test
    void aControlCharacterInALegalNameIsRefusedBeforeTheIdentityProviderIsAsked() {
        String stir = newStir();
        var registration = enterprise(stir, "1706");
        refused(post(with(registration, "organization", "legalName", "Korxona\u0000 MChJ")), "organization.legalName")
                .body("detail", containsString("U+0000"));
        refused(post(with(registration, "user", "firstName", "Aziz\u001b")), "user.firstName");
        // Nothing was half made: the same registration, corrected, goes through.
        post(registration).statusCode(202);
    }

    @Test
    void aControlCharacterInTheSearchTextIsRefusedNamingQ() {
        refused(given().urlEncodingEnabled(false).get(PRODUCTS + "?q=paxta%00ipi").then(), "q");
        refused(given().urlEncodingEnabled(false).get(PRODUCTS + "?cluster=%7F").then(), "cluster");
        given().queryParam("q", "paxta ipi").get(PRODUCTS).then().statusCode(200);
    }

    @Test
    void aKeyGivenTwiceIsAProblemNamingIt() {
        String stir = newStir();
        String body = """
                {"organization": {"kind": "ENTERPRISE", "legalName": "Korxona MChJ", "stir": "%s", "stir": "%s",
                  "regionCode": "1706", "districtCode": "1706401", "zoneType": "NONE", "sectors": ["TEXTILE_AND_GARMENTS"],
                  "contactPhone": "+998901234567", "contactEmail": "info-%s@korxona.uz"},
                 "user": {"firstName": "Aziz", "lastName": "Nazarov", "email": "m-%s@korxona.uz"}}
                """.formatted(stir, newStir(), stir, stir);
        refused(given().contentType(ContentType.JSON).body(body).post("/api/catalog/registrations").then(), "organization.stir")
                .body("errors[0].message", equalTo("is given twice"));
    }

    @Test
    void exportReadyIsTrueOrFalseOnly() {
        refused(given().queryParam("exportReady", "maybe").get(PRODUCTS).then(), "exportReady")
                .body("errors[0].message", equalTo("must be true or false"));
        refused(given().queryParam("exportReady", "1").get(PRODUCTS).then(), "exportReady");
        given().queryParam("exportReady", "true").queryParam("size", 100).get(PRODUCTS).then().statusCode(200)
                .body("items", not(empty())).body("items.exportReady", everyItem(equalTo(true)));
        given().queryParam("exportReady", "false").queryParam("size", 100).get(PRODUCTS).then().statusCode(200)
                .body("items.exportReady", everyItem(equalTo(false)));
    }

    @Test
    void everyListIsPagedAtMostTenThousandResultsDeep() {
        String enterprise1 = Tokens.demoUser(realmUrl, "enterprise1");
        String admin = Tokens.demoUser(realmUrl, "admin1");
        Map<String, String> lists = Map.of(
                PRODUCTS, "",
                PRODUCTS + "/mine", enterprise1,
                "/api/catalog/organizations", admin,
                "/api/catalog/organizations/" + BUKHARA_TEXTILE + "/products", "");
        InputRules.pagedToTheDepth(lists);
    }
}
