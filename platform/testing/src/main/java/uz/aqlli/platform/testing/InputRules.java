package uz.aqlli.platform.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service's tests check of platform/runtime's input rules (docs/api.md, Errors), written
 * once: a refusal is a 400 problem naming the field, and a list is paged at most 10,000 results deep.
 */
public final class InputRules {

    private InputRules() {
    }

    /** A 400 problem document whose {@code errors} name {@code field}. */
    public static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    /** A request as {@code token}'s user; anonymous for an empty token. */
    public static RequestSpecification call(String token) {
        return token.isEmpty() ? given() : given().auth().oauth2(token);
    }

    /** A JSON request as {@code token}'s user. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * Each list (path to the token that reads it, empty for anonymous) refuses a page past the depth
     * naming {@code page}, takes the deepest allowed one, and answers the page after its last with
     * an empty page.
     */
    public static void pagedToTheDepth(Map<String, String> lists) {
        lists.forEach((path, token) -> {
            refused(call(token).queryParam("page", 1_000_000_000).get(path).then(), "page");
            refused(call(token).queryParam("page", 100).queryParam("size", 100).get(path).then(), "page")
                    .body("errors[0].message", containsString("at most 99 with size 100"));
            call(token).queryParam("page", 99).queryParam("size", 100).get(path).then().statusCode(200);
            // The page after the last one is an empty page, not an error.
            int total = call(token).queryParam("size", 20).get(path).then().statusCode(200).extract().path("total");
            call(token).queryParam("page", (total + 19) / 20).queryParam("size", 20).get(path).then().statusCode(200)
                    .body("items", empty()).body("total", equalTo(total));
        });
    }
}
