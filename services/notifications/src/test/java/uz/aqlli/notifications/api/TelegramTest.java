package uz.aqlli.notifications.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
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
        assertFalse(given().auth().oauth2(provider.token()).get(TELEGRAM).then().statusCode(200).extract().<Boolean>path("linked"),
                "not linked before the code reached the bot");

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

        // What was told does not stay in clear in the outbox once Telegram has it.
        eventually(() -> outbox("sent_at is not null and text <> ''") == 0, "the sent messages' texts emptied");
        assertTrue(outbox("sent_at is not null") >= 3);

        given().auth().oauth2(provider.token()).delete(TELEGRAM).then().statusCode(200);
        assertFalse(given().auth().oauth2(provider.token()).get(TELEGRAM).then().extract().<Boolean>path("linked"));
        given().post(TELEGRAM + "/link").then().statusCode(401);
    }

    @Test
    void aTooManyRequestsPausesEveryMessageOfTheBotUntilItsRetryAfter() {
        People.Member first = People.organization("PROVIDER", "1727", List.of("ERP"));
        People.Member second = People.organization("PROVIDER", "1727", List.of("ERP"));
        link(first, 777101);
        link(second, 777102);
        eventually(() -> calls().stream().anyMatch(call -> call.endsWith(" 777101 200"))
                && calls().stream().anyMatch(call -> call.endsWith(" 777102 200")), "both links' confirmations");
        bot("/test/refuse?times=1&retry=3");
        for (People.Member member : List.of(first, second)) {
            PlatformEvents.publish(kafka(), new OrganizationSuspended(member.organizationId(), "PROVIDER", "1727", "SUSPENDED",
                    "Sabab", "test", Instant.now()));
        }
        eventually(() -> sent().stream().filter(m -> m.contains("to'xtatildi") && (m.contains("777101") || m.contains("777102")))
                .count() == 2, "both messages once the pause is over");
        List<String> calls = calls().stream().filter(call -> call.contains(" 777101 ") || call.contains(" 777102 ")).toList();
        int refused = calls.indexOf(calls.stream().filter(call -> call.endsWith(" 429")).findFirst().orElseThrow());
        long refusedAt = Long.parseLong(calls.get(refused).split(" ")[0]);
        for (String call : calls.subList(refused + 1, calls.size())) {
            assertTrue(Long.parseLong(call.split(" ")[0]) >= refusedAt + 2900,
                    "a message to the bot within retry_after of its 429: " + call + " after " + calls.get(refused) + " in " + calls);
        }
    }

    @Test
    void aChatThatBlockedTheBotIsFailedForGoodAndUnlinkedAndTheChannelIsNotReportedFailing() {
        People.Member member = People.organization("PROVIDER", "1730", List.of("ERP"));
        link(member, 777201);
        eventually(() -> calls().stream().anyMatch(call -> call.endsWith(" 777201 200")), "the link's confirmation");
        bot("/test/block?chat=777201");
        PlatformEvents.publish(kafka(), new OrganizationSuspended(member.organizationId(), "PROVIDER", "1730", "SUSPENDED",
                "Sabab", "test", Instant.now()));
        eventually(() -> calls().stream().anyMatch(call -> call.endsWith(" 777201 403")), "the refused message");
        eventually(() -> !given().auth().oauth2(member.token()).get(TELEGRAM).then().extract().<Boolean>path("linked"), "the chat unlinked");
        // Past the back-off of several attempts (0.2 s doubled) and the failing-after mark (3).
        WhoIsToldTest.sleep(3000);
        assertEquals(1, calls().stream().filter(call -> call.endsWith(" 777201 403")).count(), "never retried: " + calls());
        assertEquals(0, outbox("chat_id = 777201 and failed_at is null and sent_at is null"));
        given().get("/q/health/well").then().statusCode(200);
        assertTrue(given().auth().oauth2(member.token()).get("/api/notifications/feed").asString().contains("ORGANIZATION_SUSPENDED"),
                "the feed has it regardless");
    }

    static void link(People.Member member, long chat) {
        String code = given().auth().oauth2(member.token()).post(TELEGRAM + "/link").then().statusCode(200).extract().path("code");
        bot("/test/update?chat=" + chat + "&text=" + encode("/start " + code));
        eventually(() -> given().auth().oauth2(member.token()).get(TELEGRAM).then().extract().<Boolean>path("linked"), "linked " + chat);
    }

    static long outbox(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.arc.Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select count(*) from telegram_outbox where " + where).getSingleResult()).longValue());
    }

    static List<String> calls() {
        return given().get(url() + "/test/calls").then().statusCode(200).extract().jsonPath().getList("$", String.class);
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
