package uz.aqlli.notifications;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every notification links to a page that exists under the gateway's address: one of the console's
 * pages (console/ web/PublicPages and SignedInPages: a request, an organization, {@code /my}) or,
 * where the console has none, the API's own document of the subject (orders' and integrity's routes).
 */
class LinksTest {

    private static final List<Pattern> PAGES = List.of(
            Pattern.compile("/requests/[0-9a-f-]{36}"),
            Pattern.compile("/organizations/[0-9a-f-]{36}"),
            Pattern.compile("/my"),
            Pattern.compile("/api/orders/orders/[0-9a-f-]{36}"),
            Pattern.compile("/api/orders/contracts/[0-9a-f-]{36}"),
            Pattern.compile("/api/orders/disputes/[0-9a-f-]{36}"),
            Pattern.compile("/api/integrity/red-flags/[0-9a-f-]{36}"));

    @Test
    void everyKindLinksToAConsolePageOrAnApiRouteThatExists() {
        String subject = UUID.randomUUID().toString();
        for (NotificationKind kind : NotificationKind.values()) {
            String link = kind.page(subject);
            assertTrue(PAGES.stream().anyMatch(page -> page.matcher(link).matches()), kind + " links to " + link + ", which nothing serves");
        }
    }
}
