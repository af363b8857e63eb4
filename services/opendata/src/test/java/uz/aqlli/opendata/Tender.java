package uz.aqlli.opendata;

import uz.aqlli.platform.events.BidSubmitted;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.TestInfrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One service request's events as offers and orders publish them (the real records, on their topics,
 * with the real envelope), and the directory's organizations it names, each with a name and STIR of its own.
 */
final class Tender {

    final UUID requestId = UUID.randomUUID();
    final Party buyer = new Party("ENTERPRISE", "Buyer");
    final Instant publishedAt = Instant.now().minusSeconds(86_400 * 10);
    final Instant deadline = Instant.now().minusSeconds(3_600);

    record Party(UUID id, String kind, String name, String stir) {

        Party(String kind, String role) {
            this(UUID.randomUUID(), kind, role + " " + UUID.randomUUID().toString().substring(0, 8) + " MChJ",
                    String.valueOf(300_000_000 + ThreadLocalRandom.current().nextInt(600_000_000)));
        }

        OrderParty asParty() {
            return new OrderParty(id, "1703", "1703202", "NONE", null);
        }
    }

    static String kafka() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    static String publish(IntegrationEvent event) {
        return PlatformEvents.publish(kafka(), event);
    }

    /** The same event under the same id once more, as a redelivery would bring it. */
    static void publishAgain(String eventId, IntegrationEvent event) {
        Topic topic = Topic.of(event.getClass());
        PlatformEvents.publishAs(kafka(), topic, eventId, event, topic.source(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    static void register(Party party) {
        publish(new OrganizationRegistered(party.id(), party.kind(), party.name(), party.stir(), "1703", "1703202", "NONE",
                null, List.of(), List.of(), "+998 90 123 45 67", party.id() + "@example.uz", "Buxoro, Mustaqillik 1",
                null, null, "VERIFIED", Instant.now().minusSeconds(86_400 * 30)));
    }

    String ocid() {
        return "ocds-xxxxxx-aq-" + requestId;
    }

    RequestPublished published(BigDecimal publicBudget) {
        return new RequestPublished(requestId, buyer.id(), "ERP", Map.of("uz-Latn", "ERP tizimini joriy etish", "ru", "Внедрение ERP"),
                List.of("1703"), publicBudget, deadline, "LOWEST_PRICE", 100, 0, publishedAt);
    }

    BidSubmitted bid(UUID bidId) {
        return new BidSubmitted(requestId, bidId, 0, publishedAt.plusSeconds(3_600));
    }

    BidsRevealed revealed(List<BidsRevealed.RevealedBid> bids) {
        return new BidsRevealed(requestId, buyer.id(), deadline, bids, deadline.plusSeconds(1));
    }

    ContractFacts contract(UUID contractId, UUID bidId, Party supplier, String status, BigDecimal value) {
        return new ContractFacts(contractId, requestId, bidId, status, buyer.asParty(), supplier.asParty(), "ERP", value, "UZS");
    }
}
