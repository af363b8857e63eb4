package uz.aqlli.orders.api;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.math.BigDecimal;

/**
 * Amounts in so'm read from REST answers as {@link BigDecimal} and compared to the tiyin: read as
 * floats (RestAssured's default), anything above 2^23 so'm is rounded to a whole so'm or more, so a
 * wrong tiyin would pass. Used as a JUnit extension: on for each test of the class, off after it.
 */
final class ExactAmounts implements BeforeEachCallback, AfterEachCallback {

    private RestAssuredConfig before;

    /** Exactly {@code amount} so'm, whatever the scale it is written with. */
    static Matcher<BigDecimal> exactly(String amount) {
        return Matchers.comparesEqualTo(new BigDecimal(amount));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before = RestAssured.config;
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RestAssured.config = before;
    }
}
