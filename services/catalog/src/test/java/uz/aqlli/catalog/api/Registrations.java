package uz.aqlli.catalog.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Registration bodies for tests: a valid one, changed field by field. */
final class Registrations {

    static final String PASSWORD = "Paxta-2026-kuz";

    private Registrations() {
    }

    static String newStir() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(400_000_000, 999_999_999));
    }

    static Map<String, Object> enterprise(String stir, String region) {
        Map<String, Object> organization = new HashMap<>(Map.of(
                "kind", "ENTERPRISE",
                "legalName", "Korxona " + stir + " MChJ",
                "stir", stir,
                "regionCode", region,
                "districtCode", region + "401",
                "zoneType", "SMALL_INDUSTRIAL_ZONE",
                "zoneName", "G'ijduvon kichik sanoat zonasi",
                "sectors", List.of("TEXTILE_AND_GARMENTS"),
                "contactPhone", "+998901234567",
                "contactEmail", "info-" + stir + "@korxona.uz"));
        organization.put("address", "Sanoat ko'chasi, " + stir.substring(0, 3) + "-uy");
        Map<String, Object> user = new HashMap<>(Map.of(
                "firstName", "Aziz",
                "lastName", "Nazarov",
                "email", "manager-" + stir + "@korxona.uz",
                "password", PASSWORD));
        return new HashMap<>(Map.of("organization", organization, "user", user));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String part, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        Map<String, Object> section = new HashMap<>((Map<String, Object>) body.get(part));
        if (value == null) {
            section.remove(field);
        } else {
            section.put(field, value);
        }
        copy.put(part, section);
        return copy;
    }

    static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/catalog/registrations").then();
    }

    /** Registers a pending enterprise and returns its id. */
    static String registerEnterprise(String stir, String region) {
        return post(enterprise(stir, region)).statusCode(201).extract().path("organization.id");
    }
}
