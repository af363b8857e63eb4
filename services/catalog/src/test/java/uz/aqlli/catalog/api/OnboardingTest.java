package uz.aqlli.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.catalog.identity.KeycloakAccounts;
import uz.aqlli.catalog.service.Onboarding;
import uz.aqlli.platform.events.Topic;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.Mailbox;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.TestInfrastructure;
import uz.aqlli.platform.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.code;
import static uz.aqlli.catalog.api.Registrations.confirm;
import static uz.aqlli.catalog.api.Registrations.enterprise;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.post;
import static uz.aqlli.catalog.api.Registrations.with;

/**
 * Self-registration against the real Keycloak and a real SMTP server: what it creates, what it
 * mails, what it refuses, what it never leaves behind, and what its answers never tell.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OnboardingTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    Onboarding onboarding;

    @Test
    void aRegistrationCreatesThePendingOrganizationItsKeycloakOrganizationAndItsManager() throws Exception {
        String stir = newStir();
        String address = "Buxoro viloyati, G'ijduvon tumani, Bog'iafzal ko'chasi, 17-uy";
        Map<String, Object> body = with(with(with(enterprise(stir, "1706"), "organization", "status", "VERIFIED"),
                "organization", "address", "  " + address + " "), "organization", "vatRegistrationCode", "306215" + stir.substring(3));
        String email = "manager-" + stir + "@korxona.uz";
        post(with(body, "organization", "id", "00000000-0000-0000-0000-000000000001"))
                .statusCode(202)
                .header("Location", equalTo(null))
                .body("organization", not(hasKey("id")))
                .body("organization", not(hasKey("status")))
                .body("organization.stir", equalTo(stir))
                .body("organization.address", equalTo(address))
                .body("organization.vatRegistrationCode", equalTo("306215" + stir.substring(3)))
                .body("user", not(hasKey("role")))
                .body("confirmation", equalTo("a confirmation was sent to " + email));

        // Until the address is confirmed nobody signs in as its manager, and Keycloak says so exactly
        // as it does to a wrong password: a registrant cannot learn by signing in whether the address was new.
        var beforeConfirming = signIn(email, PASSWORD);
        var wrongPassword = signIn("enterprise1", "not-the-password");
        assertEquals(wrongPassword.statusCode(), beforeConfirming.statusCode());
        assertEquals(wrongPassword.asString(), beforeConfirming.asString());

        String code = Mailbox.await(email, 1, Registrations::isConfirmation, Duration.ofSeconds(15)).code();
        String id = confirm(code, PASSWORD).statusCode(200)
                .body("organization.status", equalTo("PENDING"))
                .body("organization.stir", equalTo(stir))
                .body("user.role", equalTo("MANAGER"))
                .extract().path("organization.id");
        assertTrue(!id.equals("00000000-0000-0000-0000-000000000001"), "the client chose the id");
        // Only the code's hash is kept.
        assertEquals(0, count("select count(*) from registration_confirmation where code_hash = :stir", code));

        // Confirmed, the manager signs in; the token names the organization and carries the enterprise role.
        String token = Tokens.password(realmUrl, "aqlli-web", email, PASSWORD);
        JsonNode claims = claims(token);
        assertEquals(id, claims.path("organization_id").asText());
        assertTrue(claims.path("realm_access").path("roles").toString().contains("enterprise"), claims.toString());
        given().auth().oauth2(token).get("/api/catalog/me").then().statusCode(200)
                .body("organizationId", equalTo(id)).body("organization.status", equalTo("PENDING"));
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin-bukhara")).get("/api/catalog/organizations/" + id).then()
                .statusCode(200).body("address", equalTo(address)).body("vatRegistrationCode", equalTo("306215" + stir.substring(3)));

        // The Keycloak organization exists, named by the catalog id.
        assertTrue(accounts.findOrganization(UUID.fromString(id)).isPresent(), "no Keycloak organization for " + id);

        var record = EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(), r -> id.equals(r.key()), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no OrganizationRegistered for " + id));
        assertEquals("OrganizationRegistered", EventTopics.header(record, "ce_type"));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertEquals("PENDING", data.path("status").asText());
        assertEquals("SMALL_INDUSTRIAL_ZONE", data.path("zoneType").asText());
        assertEquals("[\"TEXTILE_AND_GARMENTS\"]", data.path("sectors").toString());
        // What an order's e-invoice and its approvals need, without asking catalog.
        assertEquals(address, data.path("address").asText());
        assertEquals("306215" + stir.substring(3), data.path("vatRegistrationCode").asText());
        assertEquals(claims.path("sub").asText(), data.path("managerUserId").asText());
    }

    @Test
    void anOrganizationThatChargesNoVatRegistersWithoutACode() throws Exception {
        String stir = newStir();
        post(enterprise(stir, "1703")).statusCode(202).body("organization", not(hasKey("vatRegistrationCode")));
        String id = confirm(code("manager-" + stir + "@korxona.uz", 1), PASSWORD).statusCode(200)
                .body("organization", not(hasKey("vatRegistrationCode"))).extract().path("organization.id");
        var record = EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(), r -> id.equals(r.key()), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no OrganizationRegistered for " + id));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertFalse(data.path("vatRegistrationCode").isTextual(), data.toString());
        assertEquals("Sanoat ko'chasi, " + stir.substring(0, 3) + "-uy", data.path("address").asText());
    }

    @Test
    void confirmingMarksTheAddressVerified() {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        post(enterprise(stir, "1706")).statusCode(202);
        String code = Mailbox.await(email, 1, Registrations::isConfirmation, Duration.ofSeconds(15)).code();
        assertEquals(Boolean.FALSE, accounts.findUser(email).orElseThrow().get("emailVerified"));
        confirm(code, PASSWORD).statusCode(200);
        assertEquals(Boolean.TRUE, accounts.findUser(email).orElseThrow().get("emailVerified"));
        assertEquals(email, accounts.findUser(email).orElseThrow().get("email"), "the update lost the address");
    }

    @Test
    void aForgottenPasswordIsResetByMailFromKeycloaksSignInPage() {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        Registrations.registerAndConfirm(enterprise(stir, "1706"));

        // As a browser does: the sign-in page, its "Forgot password?" link, the form with the address.
        var signInPage = given().redirects().follow(false).queryParam("client_id", "aqlli-web").queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("redirect_uri", "http://localhost:8080/")
                // aqlli-web wants PKCE (RFC 7636's example challenge: the code is never exchanged here)
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM").queryParam("code_challenge_method", "S256")
                .get(realmUrl + "/protocol/openid-connect/auth").then().statusCode(200).extract();
        Map<String, String> cookies = new java.util.HashMap<>(signInPage.cookies());
        // The realm signs in identity first (organizations): the address, then the password page with the link.
        var passwordPage = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded").body("username=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8))
                .post(absolute(html(signInPage.asString(), "<form[^>]*action=\"([^\"]*)\""))).then().statusCode(200).extract();
        cookies.putAll(passwordPage.cookies());
        String resetLink = html(passwordPage.asString(), "href=\"([^\"]*login-actions/reset-credentials[^\"]*)\"");
        var resetPage = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                .get(absolute(resetLink)).then().statusCode(200).extract();
        cookies.putAll(resetPage.cookies());
        if (resetPage.asString().contains("name=\"username\"")) {
            given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                    .body("username=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8))
                    .post(absolute(html(resetPage.asString(), "<form[^>]*action=\"([^\"]*)\""))).then().statusCode(org.hamcrest.Matchers.lessThan(400));
        }

        Mailbox.Mail reset = Mailbox.await(email, 1, mail -> mail.text().contains("action-token"), Duration.ofSeconds(20));
        // The link sets a new password, and the manager signs in with it.
        var link = java.util.regex.Pattern.compile("(http\\S*/login-actions/action-token\\S*)").matcher(reset.text());
        assertTrue(link.find(), reset.text());
        // The action token leads, by redirects that set the flow's cookies, to the new-password form.
        String next = link.group(1).replace("&amp;", "&");
        ExtractableResponse<Response> updatePage = null;
        for (int hop = 0; hop < 5 && next != null; hop++) {
            updatePage = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false).get(absolute(next)).then().extract();
            cookies.putAll(updatePage.cookies());
            next = updatePage.statusCode() / 100 == 3 ? updatePage.header("Location") : null;
        }
        assertEquals(200, updatePage.statusCode(), updatePage.asString());
        String update = html(updatePage.asString(), "<form[^>]*action=\"([^\"]*)\"");
        String newPassword = "Yangi-parol-2026";
        given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .body("password-new=" + newPassword + "&password-confirm=" + newPassword)
                .post(absolute(update)).then().statusCode(org.hamcrest.Matchers.lessThan(400));
        Tokens.password(realmUrl, "aqlli-web", email, newPassword);
    }

    private static String html(String page, String pattern) {
        var found = java.util.regex.Pattern.compile(pattern).matcher(page);
        assertTrue(found.find(), "no " + pattern + " in " + page);
        return found.group(1).replace("&amp;", "&");
    }

    private String absolute(String link) {
        return link.startsWith("http") ? link : java.net.URI.create(realmUrl).resolve(link).toString();
    }

    @Test
    void oneAddressGetsAtMostFiveRegistrationMailsAnHourWhoeverSendsThem() {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        var body = enterprise(stir, "1706");
        post(body).statusCode(202);
        Mailbox.await(email, 1, Registrations::isConfirmation, Duration.ofSeconds(15));
        // Each repeat would mail a fresh code: the sixth and later are answered alike, and not mailed.
        for (int i = 0; i < 7; i++) {
            post(body).statusCode(202);
        }
        assertEquals(5L, count("select count(*) from mail_outbox where recipient = :stir", email));
        // A taken address is limited alike: its owner is not flooded with warnings.
        String owner = "enterprise2@demo.aqlli.uz";
        long before = count("select count(*) from mail_outbox where recipient = :stir", owner);
        for (int i = 0; i < 7; i++) {
            post(with(enterprise(newStir(), "1706"), "user", "email", owner)).statusCode(202);
        }
        assertEquals(Math.max(before, 5L), count("select count(*) from mail_outbox where recipient = :stir", owner));
    }

    @Test
    void aTakenAndANewAddressGetTheSameAnswerAndTheTakenAddresssOwnerIsToldByMail() {
        // An address with an account: its manager registered and confirmed.
        String owner = "manager-" + newStir() + "@korxona.uz";
        String ownersStir = newStir();
        Registrations.registerAndConfirm(with(enterprise(ownersStir, "1706"), "user", "email", owner));

        String takenStir = newStir();
        String newStir = newStir();
        String newAddress = "manager-" + newStir() + "@korxona.uz";
        var taken = post(sameButFor(takenStir, owner)).extract();
        var fresh = post(sameButFor(newStir, newAddress)).extract();

        assertEquals(202, taken.statusCode());
        assertEquals(fresh.statusCode(), taken.statusCode());
        assertEquals(fresh.contentType(), taken.contentType());
        assertEquals(fresh.header("Location"), taken.header("Location"));
        // Byte for byte the same once the echoed STIR and address are set aside.
        assertEquals(fresh.asString().replace(newStir, "STIR").replace(newAddress, "ADDRESS"),
                taken.asString().replace(takenStir, "STIR").replace(owner, "ADDRESS"));

        // The owner is told; nothing was made for the attempt, and no code went to the owner.
        Mailbox.Mail warning = Mailbox.await(owner, 1, Registrations::isWarning, Duration.ofSeconds(15));
        assertTrue(warning.text().contains("sign in with your password."), warning.text());
        assertFalse(warning.text().contains("Code:"), warning.text());
        assertEquals(1, Registrations.confirmationMails(owner));
        assertNothingMade(takenStir);
        assertEquals(0, count("select count(*) from outbox_event where payload ->> 'stir' = :stir", takenStir));
        // The new address got its code.
        Mailbox.await(newAddress, 1, Registrations::isConfirmation, Duration.ofSeconds(15)).code();
    }

    @Test
    void aSecondRequestForTheStirIsAnsweredAlikeForATakenAndANewAddress() {
        String owner = "manager-" + newStir() + "@korxona.uz";
        Registrations.registerAndConfirm(with(enterprise(newStir(), "1706"), "user", "email", owner));
        String takenStir = newStir();
        String newStir = newStir();
        String newAddress = "manager-" + newStir() + "@korxona.uz";
        Map<String, Object> taken = sameButFor(takenStir, owner);
        Map<String, Object> fresh = sameButFor(newStir, newAddress);
        post(taken).statusCode(202);
        post(fresh).statusCode(202);
        Mailbox.await(newAddress, 1, Registrations::isConfirmation, Duration.ofSeconds(15));

        // Another body for the STIR: the STIR is reserved either way.
        var takenOther = post(with(taken, "organization", "legalName", "Boshqa MChJ")).extract();
        var freshOther = post(with(fresh, "organization", "legalName", "Boshqa MChJ")).extract();
        assertEquals(409, freshOther.statusCode());
        assertEquals(freshOther.statusCode(), takenOther.statusCode());
        assertEquals(freshOther.asString().replace(newStir, "STIR").replace(newAddress, "ADDRESS"),
                takenOther.asString().replace(takenStir, "STIR").replace(owner, "ADDRESS"));
        // The same body again: 202 alike, a fresh code for the new address, another warning for the owner.
        var takenAgain = post(taken).extract();
        var freshAgain = post(fresh).extract();
        assertEquals(202, freshAgain.statusCode());
        assertEquals(freshAgain.statusCode(), takenAgain.statusCode());
        assertEquals(freshAgain.asString().replace(newStir, "STIR").replace(newAddress, "ADDRESS"),
                takenAgain.asString().replace(takenStir, "STIR").replace(owner, "ADDRESS"));
        Mailbox.await(newAddress, 2, Registrations::isConfirmation, Duration.ofSeconds(15));
        Mailbox.await(owner, 2, Registrations::isWarning, Duration.ofSeconds(15));
        assertEquals(1, Registrations.confirmationMails(owner));
        assertNothingMade(takenStir);
    }

    @Test
    void noMailRowHoldsTheCodeOnceItIsDelivered() throws Exception {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        post(enterprise(stir, "1703")).statusCode(202);
        String code = code(email, 1);
        // The relay marks the row sent just after the server took the mail.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count("select count(*) from mail_outbox where recipient = :stir and sent_at is not null", email) == 0) {
            assertTrue(System.nanoTime() < deadline, "the delivered mail was not marked sent");
            Thread.sleep(50);
        }
        assertEquals(0, count("select count(*) from mail_outbox where position(:stir in body) > 0", code),
                "a delivered mail still holds its code");
        confirm(code, PASSWORD).statusCode(200);
    }

    @Test
    void aCodeConfirmsOnceAndARepeatedRegistrationMailsAFreshCodeOrAWarning() {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        Map<String, Object> body = enterprise(stir, "1703");
        String first = post(body).statusCode(202).extract().asString();
        String firstCode = code(email, 1);

        // Not confirmed yet: the same registration again answers the same and mails a new code.
        assertEquals(first, post(body).statusCode(202).extract().asString());
        String secondCode = code(email, 2);
        assertNotEquals(firstCode, secondCode);

        confirm("x" + secondCode, PASSWORD).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("code"));
        String id = confirm(secondCode, PASSWORD).statusCode(200).extract().path("organization.id");
        // Used once; and the older code was spent with it.
        var used = confirm(secondCode, "Boshqa-parol-2026").statusCode(400).body("errors.field", contains("code")).extract().asString();
        assertEquals(used, confirm(firstCode, "Boshqa-parol-2026").statusCode(400).extract().asString());
        assertEquals(signIn("enterprise1", "not-the-password").asString(), signIn(email, "Boshqa-parol-2026").asString(),
                "a used code changed the password");
        Tokens.password(realmUrl, "aqlli-web", email, PASSWORD);

        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "STIR soliq bazasida boshqa nomda"))
                .post("/api/catalog/organizations/" + id + "/decisions").then().statusCode(200);
        // Confirmed: a replay (no secret in it) answers as before, shows nothing of the standing and warns the owner.
        assertEquals(first, post(body).statusCode(202).extract().asString());
        Mailbox.await(email, 1, Registrations::isWarning, Duration.ofSeconds(15));
        assertEquals(2, Registrations.confirmationMails(email));

        post(with(with(body, "user", "email", "someone-else-" + stir + "@korxona.uz"), "organization", "legalName", "Boshqa MChJ"))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:duplicate-stir"))
                .body("errors.field", contains("organization.stir"));
        assertEquals(1, count("select count(*) from organization where stir = :stir", stir));
        assertEquals(1, count("select count(*) from outbox_event where payload ->> 'stir' = :stir", stir));
    }

    @Test
    void theConfirmationMailArrivesAfterTheSmtpServerWasDown() throws Exception {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        long outageEnds = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        TestInfrastructure.interruptMail(Duration.ofSeconds(4));
        awaitSmtpDown();

        post(enterprise(stir, "1718")).statusCode(202);
        // The relay tried while the server was away, and kept the mail.
        while (count("select count(*) from mail_outbox where recipient = :stir and attempts > 0 and sent_at is null", email) == 0) {
            assertTrue(System.nanoTime() < outageEnds, "no failed attempt to send while the SMTP server was down");
            Thread.sleep(50);
        }
        assertTrue(System.nanoTime() < outageEnds, "the outage ended before the mail was tried");
        assertTrue(Mailbox.to(email).isEmpty());

        String code = Mailbox.await(email, 1, Registrations::isConfirmation, Duration.ofSeconds(15)).code();
        confirm(code, PASSWORD).statusCode(200);
        Tokens.password(realmUrl, "aqlli-web", email, PASSWORD);
    }

    @Test
    void noTransactionIsOpenWhileTheRelayWaitsForTheSmtpServer() throws Exception {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        TestInfrastructure.interruptMail(Duration.ofSeconds(6));
        awaitSmtpDown();
        // In the mail server's place for a moment: one that takes the connection and never answers.
        try (var hung = new java.net.ServerSocket()) {
            hung.setReuseAddress(true);
            hung.bind(new java.net.InetSocketAddress(TestInfrastructure.mail().smtpPort()));
            hung.setSoTimeout(4000);
            post(enterprise(stir, "1718")).statusCode(202);
            try (var sending = hung.accept()) {
                Thread.sleep(300);
                // Every unsent mail can be locked now: none is held by a transaction waiting on the server.
                long unsent = countAll("select count(*) from mail_outbox where sent_at is null");
                long free = QuarkusTransaction.requiringNew().call(() -> countAll(
                        "select count(*) from (select id from mail_outbox where sent_at is null for update skip locked) free"));
                assertTrue(unsent > 0, "no mail waiting");
                assertEquals(unsent, free, "a transaction holds mail rows while the relay waits for the SMTP server");
            }
        }
        Mailbox.await(email, 1, Registrations::isConfirmation, Duration.ofSeconds(20)).code();
    }

    private static void awaitSmtpDown() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", TestInfrastructure.mail().smtpPort()), 200);
            } catch (java.io.IOException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the SMTP server did not go down");
    }

    /** The same registration but for the STIR and the manager's address, so that two answers can be compared. */
    private static Map<String, Object> sameButFor(String stir, String email) {
        Map<String, Object> body = with(enterprise(stir, "1706"), "user", "email", email);
        body = with(body, "organization", "legalName", "Bir xil MChJ");
        body = with(body, "organization", "contactEmail", "info@birxil.uz");
        return with(body, "organization", "address", "Sanoat ko'chasi, 1-uy");
    }

    private static ExtractableResponse<Response> signIn(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "aqlli-web")
                .formParam("username", username).formParam("password", password)
                .post(TestInfrastructure.keycloak().realmUrl() + "/protocol/openid-connect/token").then().extract();
    }

    @Test
    void aPasswordKeycloakRefusesIsA400NamingItAndTheCodeStillWorks() {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        post(enterprise(stir, "1714")).statusCode(202);
        String code = code(email, 1);
        confirm(code, "paxtapaxta1").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("password"));
        assertEquals(signIn("enterprise1", "not-the-password").asString(), signIn(email, "paxtapaxta1").asString());
        confirm(code, PASSWORD).statusCode(200);
        Tokens.password(realmUrl, "aqlli-web", email, PASSWORD);
    }

    @Test
    void anEmailOnlyKeycloakHasIsTakenAllTheSameAndTheKeycloakOrganizationIsRemovedAgain() {
        String stir = newStir();
        String email = "admin-navoi@demo.aqlli.uz";
        int warnings = (int) Mailbox.to(email).stream().filter(Registrations::isWarning).count();
        post(with(enterprise(stir, "1714"), "user", "email", email))
                .statusCode(202).body("confirmation", equalTo("a confirmation was sent to " + email));
        Mailbox.await(email, warnings + 1, Registrations::isWarning, Duration.ofSeconds(15));
        assertNothingMade(stir);
        // and the demo user it collided with is untouched
        Tokens.demoUser(realmUrl, "admin-navoi");
    }

    @Test
    void aRegistrationAbandonedHalfWayIsUndoneByTheSweeper() {
        // As if the process died after creating the Keycloak organization and user.
        String stir = newStir();
        UUID organizationId = UUID.randomUUID();
        String email = "abandoned-" + stir + "@korxona.uz";
        UUID keycloakOrganization = accounts.ensureOrganization(organizationId, "Tashlab ketilgan MChJ", stir);
        accounts.ensureUser(organizationId, uz.aqlli.catalog.OrganizationKind.ENTERPRISE,
                new uz.aqlli.catalog.Person("Tashlab", "Ketilgan", email, PASSWORD));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into registration (id, stir, fingerprint, organization_id, manager_email, state,
                                                  keycloak_organization_id, lease_until, started_at)
                        values (gen_random_uuid(), :stir, 'x', :organization, :email, 'STARTED', :keycloak, :expired, :expired)""")
                .setParameter("stir", stir).setParameter("organization", organizationId).setParameter("email", email)
                .setParameter("keycloak", keycloakOrganization).setParameter("expired", Instant.now().minusSeconds(3600))
                .executeUpdate());

        onboarding.workDue();

        assertTrue(accounts.findOrganization(organizationId).isEmpty(), "the Keycloak organization outlived its registration");
        assertTrue(accounts.findUser(email).isEmpty(), "the Keycloak user outlived its registration");
        assertEquals(0, count("select count(*) from registration where stir = :stir", stir));
    }

    @Test
    void badInputIsRefusedWithProblemDetailsNamingTheField() {
        String stir = newStir();
        Map<String, Object> good = enterprise(stir, "1703");
        expectField(with(good, "organization", "stir", "12345678A"), "organization.stir");
        expectField(with(good, "organization", "stir", "1234567890"), "organization.stir");
        expectField(with(good, "organization", "regionCode", "1799"), "organization.regionCode");
        expectField(with(good, "organization", "districtCode", "1706401"), "organization.districtCode");
        expectField(with(good, "organization", "kind", "FACTORY"), "organization.kind");
        expectField(with(good, "organization", "legalName", "x".repeat(301)), "organization.legalName");
        expectField(with(good, "organization", "address", null), "organization.address");
        expectField(with(good, "organization", "address", "   "), "organization.address");
        expectField(with(good, "organization", "address", "x".repeat(301)), "organization.address");
        expectField(with(good, "organization", "address", "Sanoat ko'chasi,\n12-uy"), "organization.address");
        expectField(with(good, "organization", "address", "Sanoat ko'chasi\u0000 12-uy"), "organization.address");
        expectField(with(good, "organization", "vatRegistrationCode", "30621500010"), "organization.vatRegistrationCode");
        expectField(with(good, "organization", "vatRegistrationCode", "3062150001012"), "organization.vatRegistrationCode");
        expectField(with(good, "organization", "vatRegistrationCode", "30621500010A"), "organization.vatRegistrationCode");
        expectField(with(good, "organization", "sectors", List.of()), "organization.sectors");
        expectField(with(good, "organization", "sectors", List.of("SPACE")), "organization.sectors[0]");
        expectField(with(good, "organization", "serviceCategories", List.of("ERP")), "organization.serviceCategories");
        expectField(with(good, "organization", "zoneName", null), "organization.zoneName");
        expectField(with(good, "organization", "contactPhone", "12345"), "organization.contactPhone");
        expectField(with(good, "user", "email", "not-an-email"), "user.email");
        // The password is chosen on confirmation; one sent here would be silently lost.
        expectField(with(good, "user", "password", PASSWORD), "user.password");
        expectField(with(good, "user", "firstName", "y".repeat(101)), "user.firstName");
        given().contentType(ContentType.JSON).body("{\"organization\": ").post("/api/catalog/registrations")
                .then().statusCode(400).contentType("application/problem+json");
        assertNothingLeft(stir, "manager-" + stir + "@korxona.uz");
    }

    private void expectField(Map<String, Object> body, String field) {
        post(body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field))
                .body("status", equalTo(400)).body("detail", not(equalTo(null)));
    }

    /** A taken address's registration: nothing made anywhere, only the row that reserves the STIR. */
    private void assertNothingMade(String stir) {
        assertEquals(1, count("select count(*) from registration where stir = :stir and state = 'ADDRESS_TAKEN'"
                + " and keycloak_organization_id is null and keycloak_user_id is null and confirmed_at is null", stir));
        assertEquals(0, count("select count(*) from registration_confirmation c join registration r on r.id = c.registration_id "
                + "where r.stir = :stir", stir), "a code for a taken address");
        assertNoOrganization(stir);
    }

    private void assertNothingLeft(String stir, String email) {
        assertEquals(0, count("select count(*) from registration where stir = :stir", stir), "registration row left");
        assertNoOrganization(stir);
        if (email != null) {
            assertTrue(accounts.findUser(email).isEmpty(), "Keycloak user left: " + email);
        }
    }

    private void assertNoOrganization(String stir) {
        assertEquals(0, count("select count(*) from organization where stir = :stir", stir), "organization row left");
        String admin = Tokens.keycloakAdmin(realmUrl);
        String keycloak = realmUrl.replaceFirst("/realms/", "/admin/realms/");
        List<?> organizations = given().auth().oauth2(admin).queryParam("q", "stir:" + stir).get(keycloak + "/organizations")
                .then().statusCode(200).extract().as(List.class);
        assertTrue(organizations.isEmpty(), "Keycloak organization left for STIR " + stir + ": " + organizations);
    }

    private long countAll(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private long count(String sql, String stir) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter("stir", stir).getSingleResult()).longValue();
    }

    static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
