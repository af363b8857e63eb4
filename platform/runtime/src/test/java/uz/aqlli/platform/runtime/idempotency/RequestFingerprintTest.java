package uz.aqlli.platform.runtime.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "The same request" under one key: what changes the fingerprint and what does not. */
class RequestFingerprintTest {

    private final ObjectMapper mapper = new ObjectMapper();

    record Line(String product, BigDecimal quantity) {
    }

    record Order(String note, List<Line> lines, Map<String, Object> delivery) {
    }

    private String of(String operation, String json) throws Exception {
        return RequestFingerprint.of(mapper, operation, mapper.readValue(json, Object.class));
    }

    @Test
    void keyOrderAndWhitespaceDoNotMatter() throws Exception {
        String first = of("POST /orders", "{\"note\":\"tez\",\"lines\":[{\"product\":\"p1\",\"quantity\":5}]}");
        String reordered = of("POST /orders", "{ \"lines\" : [ { \"quantity\" : 5, \"product\" : \"p1\" } ],\n  \"note\" : \"tez\" }");
        assertEquals(first, reordered);
        assertEquals(64, first.length());
        assertTrue(first.matches("[0-9a-f]{64}"));
    }

    @Test
    void nestedMapsAreSortedAtEveryDepth() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("region", "1706");
        inner.put("address", Map.of("street", "Mustaqillik 5", "city", "Buxoro"));
        Map<String, Object> innerReversed = new LinkedHashMap<>();
        innerReversed.put("address", new LinkedHashMap<>(Map.of("city", "Buxoro", "street", "Mustaqillik 5")));
        innerReversed.put("region", "1706");
        assertEquals(RequestFingerprint.of(mapper, "POST /orders", new Order("n", List.of(), inner)),
                RequestFingerprint.of(mapper, "POST /orders", new Order("n", List.of(), innerReversed)));
        assertEquals("{\"a\":{\"b\":1,\"c\":{\"d\":[2,{\"e\":3,\"f\":4}]}},\"z\":null}",
                RequestFingerprint.canonical(mapper.readTree("{\"z\":null,\"a\":{\"c\":{\"d\":[2,{\"f\":4,\"e\":3}]},\"b\":1}}")));
    }

    @Test
    void theCanonicalFormHasNoWhitespaceOutsideTexts() throws Exception {
        assertEquals("{\"a b\":\"x  y\",\"n\":[1,2]}",
                RequestFingerprint.canonical(mapper.readTree("{ \"n\" : [ 1 ,\t2 ] ,\r\n \"a b\" : \"x  y\" }")));
    }

    @Test
    void theSameNumberWrittenAnotherWayIsTheSameRequest() throws Exception {
        assertEquals(of("POST /orders", "{\"quantity\": 5}"), of("POST /orders", "{\"quantity\": 5.00}"));
        assertEquals(RequestFingerprint.of(mapper, "POST /orders", new Line("p", new BigDecimal("12.50"))),
                RequestFingerprint.of(mapper, "POST /orders", new Line("p", new BigDecimal("12.5"))));
        assertNotEquals(of("POST /orders", "{\"quantity\": 5}"), of("POST /orders", "{\"quantity\": 50}"));
    }

    @Test
    void anotherOperationOrAnotherBodyIsAnotherRequest() throws Exception {
        String body = "{\"note\":\"tez\"}";
        assertNotEquals(of("POST /orders", body), of("POST /orders/quotes", body));
        assertNotEquals(of("POST /orders", body), of("POST /orders", "{\"note\":\"Tez\"}"));
        assertNotEquals(of("POST /orders", "[1,2]"), of("POST /orders", "[2,1]"));
        // A text "5" is not the number 5, and null is not an empty object.
        assertNotEquals(of("POST /orders", "{\"q\":\"5\"}"), of("POST /orders", "{\"q\":5}"));
        assertNotEquals(RequestFingerprint.of(mapper, "POST /orders", null), of("POST /orders", "{}"));
    }

    @Test
    void textsAreEscapedSoThatNoTwoBodiesMeet() throws Exception {
        // Without escaping, a quote inside a text could make one body read as another.
        assertNotEquals(of("POST /orders", "{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}"), of("POST /orders", "{\"a\":\"x\",\"b\":\"y\"}"));
        assertEquals("[\"POST /orders\",{\"a\":\"x\\\"y\"}]",
                RequestFingerprint.canonical(mapper.readTree("[\"POST /orders\", {\"a\": \"x\\\"y\"}]")));
    }
}
