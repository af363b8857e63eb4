package uz.aqlli.notifications.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.OrganizationReinstated;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.notifications.api.People.eventually;
import static uz.aqlli.notifications.api.People.kafka;

/** Telegram against a local server that speaks the Bot API: the one-time link, messages, 429, nothing sealed. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(FakeBot.class)
class TelegramTest {

    static final String TELEGRAM = "/api/notifications/telegram";

    @Test
    void aUserLinksTheirChatWithAOneTimeCodeAndThenHearsThereOnceEachEvenThroughA429() {
        People.Member provider = People.organization("PROVIDER", "1730", List.of("ERP"));
        People.Member other = People.organization("PROVIDER", "1730", List.of("ERP"));
        var link = given().auth().oauth2(provider.token()).post(TELEGRAM + "/link").then().statusCode(200).extract().jsonPath();
        String code = link.getString("code");
        assertEquals("https://t.me/AqlliSinovBot?start=" + code, link.getString("deepLink"));
        given().auth().oauth2(provider.token()).get(TELEGRAM).then().statusCode(200).extract().path("linked");

        bot("/test/update?chat=777001&text=" + encode("/start " + code));
        eventually(() -> given().auth().oauth2(provider.token()).get(TELEGRAM).then().extract().<Boolean>path("linked"), "linked");
        eventually(() -> sent().stream().anyMatch(m -> m.contains("777001")), "the bot's confirmation");
        // The code works once: another chat sending it links nothing.
        bot("/test/update?chat=777009&text=" + encode("/start " + code));
        bot("/test/update?chat=777009&text=" + encode("/start not-a-code"));
        assertFalse(given().auth().oauth2(other.token()).get(TELEGRAM).then().extract().<Boolean>path("linked"));

        int before = sent().size();
        bot("/test/refuse?times=2");
        PlatformEvents.publish(kafka(), new OrganizationSuspended(provider.organizationId(), "PROVIDER", "1730", "SUSPENDED",
                "Sabab", "test", Instant.now()));
        eventually(() -> sent().stream().anyMatch(m -> m.contains("777001") && m.contains("to'xtatildi")), "the message after two 429s");
        PlatformEvents.publish(kafka(), new OrganizationReinstated(provider.organizationId(), "PROVIDER", "1730", "VERIFIED",
                "Sabab", "test", Instant.now()));
        eventually(() -> sent().stream().anyMatch(m -> m.contains("777001") && m.contains("tiklandi")), "the next message");
        List<String> messages = sent().subList(before, sent().size());
        assertEquals(1, messages.stream().filter(m -> m.contains("to'xtatildi")).count(), "once: " + messages);
        assertTrue(messages.stream().allMatch(m -> m.contains("777001") && !m.contains("Sabab")), messages.toString());
        assertTrue(messages.getFirst().contains("http://localhost:8080/my"), messages.toString());

        UUID request = UUID.randomUUID();
        PlatformEvents.publish(kafka(), new BidsRevealed(request, UUID.randomUUID(), Instant.now(), List.of(
                new BidsRevealed.RevealedBid(UUID.randomUUID(), provider.organizationId(), new BigDecimal("55544433.21"), 10, Instant.now()),
                new BidsRevealed.RevealedBid(UUID.randomUUID(), other.organizationId(), new BigDecimal("44433322.12"), 10, Instant.now())),
                Instant.now()));
        PlatformEvents.publish(kafka(), new RequestAwarded(request, UUID.randomUUID(), "ERP", Map.of("uz-Latn", "ERP joriy etish"),
                List.of("1730"), UUID.randomUUID(), other.organizationId(), new BigDecimal("44433322.12"), 10, "LOWEST_PRICE", false, 2,
                "Sabab", Instant.now()));
        eventually(() -> sent().stream().anyMatch(m -> m.contains("777001") && m.contains("tanlanmadi")), "the unchosen bid, by Telegram");
        String all = String.join("\n", sent());
        for (String sealed : List.of("55544433", "44433322", other.organizationId().toString(), provider.organizationId().toString())) {
            assertFalse(all.contains(sealed), sealed + " in a Telegram message");
        }
        assertTrue(sent().stream().noneMatch(m -> m.contains("777009")), "nothing to a chat that linked nothing");

        given().auth().oauth2(provider.token()).delete(TELEGRAM).then().statusCode(200);
        assertFalse(given().auth().oauth2(provider.token()).get(TELEGRAM).then().extract().<Boolean>path("linked"));
        given().post(TELEGRAM + "/link").then().statusCode(401);
    }

    static List<String> sent() {
        return given().get(url() + "/test/sent").then().statusCode(200).extract().jsonPath().getList("$", String.class);
    }

    static void bot(String path) {
        given().urlEncodingEnabled(false).get(url() + path).then().statusCode(200);
    }

    static String url() {
        return ConfigProvider.getConfig().getValue("aqlli.notifications.telegram.api-url", String.class);
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
