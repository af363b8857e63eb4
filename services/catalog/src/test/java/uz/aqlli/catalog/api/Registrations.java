package uz.aqlli.catalog.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import uz.aqlli.platform.testing.Mailbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * Registration bodies for tests (a valid one, changed field by field), and registration as a
 * manager does it: send it, take the code from the mail the test SMTP server received, confirm.
 */
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
                "email", "manager-" + stir + "@korxona.uz"));
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

    /** Registers a pending enterprise, confirmed with {@link #PASSWORD}, and returns its id. */
    static String registerEnterprise(String stir, String region) {
        return registerAndConfirm(enterprise(stir, region));
    }

    /** Registers {@code body}, confirms it from the manager's mailbox with {@link #PASSWORD}, and returns the organization's id. */
    static String registerAndConfirm(Map<String, Object> body) {
        String email = managerEmail(body);
        int before = confirmationMails(email);
        post(body).statusCode(202);
        String code = Mailbox.await(email, before + 1, Registrations::isConfirmation, Duration.ofSeconds(15)).code();
        return confirm(code, PASSWORD).statusCode(200).extract().path("organization.id");
    }

    /** The newest confirmation code mailed to {@code email}, waiting for the {@code nth} such mail. */
    static String code(String email, int nth) {
        return Mailbox.await(email, nth, Registrations::isConfirmation, Duration.ofSeconds(15)).code();
    }

    static int confirmationMails(String email) {
        return (int) Mailbox.to(email).stream().filter(Registrations::isConfirmation).count();
    }

    static boolean isConfirmation(Mailbox.Mail mail) {
        return mail.subject().contains("confirm the registration");
    }

    static boolean isWarning(Mailbox.Mail mail) {
        return mail.subject().contains("someone tried to register");
    }

    static ValidatableResponse confirm(String code, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "password", password))
                .post("/api/catalog/registrations/confirmation").then();
    }

    @SuppressWarnings("unchecked")
    static String managerEmail(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("user")).get("email");
    }
}
