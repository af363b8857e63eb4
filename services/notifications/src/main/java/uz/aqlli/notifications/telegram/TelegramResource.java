package uz.aqlli.notifications.telegram;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.notifications.service.Readers;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.util.Map;

/** The caller's Telegram link: a one-time code for the bot, whether a chat is linked, unlinking. */
@Path("/telegram")
@Tag(name = "Telegram", description = "Linking the caller's Telegram chat to receive notifications from the platform's bot")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TelegramResource {

    private final Readers readers;
    private final TelegramLinks links;
    private final BotApi bot;

    TelegramResource(Readers readers, TelegramLinks links, BotApi bot) {
        this.readers = readers;
        this.links = links;
        this.bot = bot;
    }

    @POST
    @Path("link")
    @Operation(operationId = "telegramLinkCode", summary = "A one-time code to send the bot (/start <code>), and the bot's deep link with it")
    public Map<String, String> link() {
        String user = readers.current();
        if (!bot.configured()) {
            throw ProblemException.unavailable("telegram-not-configured", "The platform has no Telegram bot configured");
        }
        String code = links.newCode(user);
        return Map.of("code", code, "deepLink", links.deepLink(code));
    }

    @GET
    @Operation(operationId = "telegramLink", summary = "Whether the caller's Telegram chat is linked")
    public Map<String, Boolean> linked() {
        return Map.of("linked", links.chatOf(readers.current()).isPresent());
    }

    @DELETE
    @Operation(operationId = "telegramUnlink", summary = "Unlink the caller's Telegram chat")
    public Map<String, Boolean> unlink() {
        links.unlink(readers.current());
        return Map.of("linked", false);
    }
}
