package uz.aqlli.notifications.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.testing.Mailbox;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.notifications.api.People.eventually;
import static uz.aqlli.notifications.api.People.kafka;
import static uz.aqlli.notifications.api.WhoIsToldTest.hasFor;

/** Preferences: a kind off, mail off, another language, a provider's own categories and regions, the daily digest. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class PreferencesTest {

    static final String PREFERENCES = "/api/notifications/preferences";
    static People.Member buyer;
    static People.Member everything;

    /** Once per class, when the application (and so RestAssured's port) is up; not in @BeforeAll, which runs before. */
    @BeforeEach
    void market() {
        if (buyer != null) {
            return;
        }
        buyer = People.organization("ENTERPRISE", "1708", List.of("TEXTILES"));
        everything = People.organization("PROVIDER", "1708", List.of("CLOUD_AND_HOSTING"));
    }

    @Test
    void aProvidersDefaultsAreItsOrganizationsAndBadPreferencesAreProblemsNamingTheField() {
        People.Member provider = People.organization("PROVIDER", "1708", List.of("CLOUD_AND_HOSTING"));
        given().auth().oauth2(provider.token()).get(PREFERENCES).then().statusCode(200)
                .body("language", equalTo("uz-Latn")).body("email", equalTo(true)).body("digest", equalTo(false))
                .body("mutedKinds", empty()).body("categories", contains("CLOUD_AND_HOSTING")).body("regions", contains("1708"))
                .body("ownReach", equalTo(false));
        bad(provider, Map.of("language", "de"), "language");
        bad(provider, Map.of("mutedKinds", List.of("REQUEST_PUBLISHED", "EVERYTHING")), "mutedKinds[1]");
        bad(provider, Map.of("categories", List.of("CLOUD_AND_HOSTING", "FARMING")), "categories[1]");
        bad(provider, Map.of("categories", List.of("ERP"), "regions", List.of("9999")), "regions[0]");
        bad(provider, Map.of("regions", List.of("1708")), "categories");
        bad(buyer, Map.of("categories", List.of("ERP")), "categories");
    }

    @Test
    void aKindOffIsNotToldAMailOffGoesToTheFeedOnlyAndALanguageIsTheUsersOwn() {
        People.Member muted = People.organization("PROVIDER", "1708", List.of("CLOUD_AND_HOSTING"));
        People.Member quiet = People.organization("PROVIDER", "1708", List.of("CLOUD_AND_HOSTING"));
        People.Member russian = People.organization("PROVIDER", "1708", List.of("CLOUD_AND_HOSTING"));
        set(muted, Map.of("mutedKinds", List.of("REQUEST_PUBLISHED")));
        set(quiet, Map.of("email", false));
        set(russian, Map.of("language", "ru"));
        UUID request = publish("CLOUD_AND_HOSTING", List.of("1708"));
        eventually(() -> hasFor(everything, "REQUEST_PUBLISHED", request), "the provider with no preferences told");
        assertFalse(hasFor(muted, "REQUEST_PUBLISHED", request), "a kind turned off");
        assertTrue(hasFor(quiet, "REQUEST_PUBLISHED", request) && hasFor(russian, "REQUEST_PUBLISHED", request));
        var russianMail = Mailbox.await(russian.email(), 1, m -> m.subject().contains("Хостинг"), Duration.ofSeconds(20));
        assertEquals("Новая заявка на услуги в вашей сфере: Хостинг", russianMail.subject());
        // SMTP carries lines ending in CR LF.
        assertTrue(russianMail.text().replace("\r\n", "\n").contains("Откройте в Aqlli elektron:\nhttp://localhost:8080/requests/" + request),
                russianMail.text());
        assertTrue(WhoIsToldTest.feed(russian).getString("items.find { it.subjectId == '" + request + "' }.text")
                .startsWith("Новая заявка"));
        Mailbox.await(everything.email(), 1, m -> m.text().contains(request.toString()), Duration.ofSeconds(20));
        WhoIsToldTest.sleep(1500);
        assertTrue(Mailbox.to(quiet.email()).stream().noneMatch(m -> m.text().contains(request.toString())), "mail turned off");
        assertTrue(Mailbox.to(muted.email()).stream().noneMatch(m -> m.text().contains(request.toString())), "a kind turned off");
    }

    @Test
    void aProvidersOwnCategoriesAndRegionsReplaceItsOrganizations() {
        People.Member own = People.organization("PROVIDER", "1708", List.of("CLOUD_AND_HOSTING"));
        set(own, Map.of("categories", List.of("CYBERSECURITY"), "regions", List.of("1733")));
        given().auth().oauth2(own.token()).get(PREFERENCES).then().statusCode(200)
                .body("categories", contains("CYBERSECURITY")).body("regions", contains("1733")).body("ownReach", equalTo(true));
        UUID ours = publish("CLOUD_AND_HOSTING", List.of("1708"));
        UUID chosen = publish("CYBERSECURITY", List.of("1733"));
        UUID elsewhere = publish("CYBERSECURITY", List.of("1735"));
        eventually(() -> hasFor(own, "REQUEST_PUBLISHED", chosen), "the request of the chosen category and region");
        eventually(() -> hasFor(everything, "REQUEST_PUBLISHED", ours), "the organization's category, for the others");
        WhoIsToldTest.sleep(1000);
        assertFalse(hasFor(own, "REQUEST_PUBLISHED", ours), "the organization's category, no longer the user's");
        assertFalse(hasFor(own, "REQUEST_PUBLISHED", elsewhere), "another region");
        assertFalse(hasFor(everything, "REQUEST_PUBLISHED", chosen), "not the organization's category");
    }

    @Test
    void aDigestSendsTheDaysNotificationsInOneMailInsteadOfOneEach() {
        People.Member digest = People.organization("PROVIDER", "1708", List.of("CLOUD_AND_HOSTING"));
        // Its verification went out at once, before the digest was chosen.
        Mailbox.await(digest.email(), 1, m -> m.subject().contains("tasdiqlandi"), Duration.ofSeconds(20));
        set(digest, Map.of("digest", true));
        UUID request = publish("CLOUD_AND_HOSTING", List.of("1708"));
        eventually(() -> hasFor(digest, "REQUEST_PUBLISHED", request), "the request in the feed");
        var mail = Mailbox.await(digest.email(), 1, m -> m.subject().contains("bildirishnoma"), Duration.ofSeconds(20));
        assertTrue(mail.text().contains("Sohangizda yangi xizmat so'rovi: Hosting") && mail.text().contains("/requests/" + request),
                mail.text());
        WhoIsToldTest.sleep(2000);
        List<Mailbox.Mail> mails = Mailbox.to(digest.email());
        assertEquals(1, mails.stream().filter(m -> m.subject().contains("bildirishnoma")).count(), "one digest a day");
        assertTrue(mails.stream().noneMatch(m -> m.subject().startsWith("Sohangizda")), "no mail of its own: " + mails);
    }

    static UUID publish(String category, List<String> regions) {
        UUID request = UUID.randomUUID();
        PlatformEvents.publish(kafka(), new RequestPublished(request, buyer.organizationId(), category,
                Map.of("uz-Latn", "Hosting", "ru", "Хостинг"), regions, null, Instant.now().plus(Duration.ofDays(7)),
                "LOWEST_PRICE", 100, 0, Instant.now()));
        return request;
    }

    static void set(People.Member member, Map<String, Object> preferences) {
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(preferences).put(PREFERENCES).then().statusCode(200);
    }

    static void bad(People.Member member, Map<String, Object> preferences, String field) {
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(preferences).put(PREFERENCES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }
}
