package uz.aqlli.notifications.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.notifications.Messages;
import uz.aqlli.notifications.Notification;
import uz.aqlli.notifications.Recipient;
import uz.aqlli.notifications.repository.Feed;
import uz.aqlli.notifications.repository.Projections;
import uz.aqlli.notifications.service.Notifier;
import uz.aqlli.notifications.service.Readers;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The signed-in user's own notifications: nobody reads or marks another's. */
@Path("/")
@Tag(name = "Feed", description = "The caller's notifications, their unread count and live stream")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FeedResource {

    private final Readers readers;
    private final Feed feed;
    private final Projections projections;
    private final Notifier notifier;
    private final Duration streamPoll;
    private final Duration heartbeat;
    private final JsonWebToken token;
    private final Clock clock;

    FeedResource(Readers readers, Feed feed, Projections projections, Notifier notifier, JsonWebToken token, Clock clock,
                 @ConfigProperty(name = "aqlli.notifications.stream-poll", defaultValue = "0.5s") Duration streamPoll,
                 @ConfigProperty(name = "aqlli.notifications.stream-heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.token = token;
        this.clock = clock;
        this.readers = readers;
        this.feed = feed;
        this.projections = projections;
        this.notifier = notifier;
        this.streamPoll = streamPoll;
        this.heartbeat = heartbeat;
    }

    @GET
    @Path("feed")
    @PageDepth
    @Operation(operationId = "feed", summary = "The caller's notifications, newest first, in their language")
    public PageView<FeedView> feed(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String user = readers.current();
        String language = language(user);
        List<FeedView> items = feed.page(user, page, size).stream().map(n -> view(n, language)).toList();
        return new PageView<>(items, page, size, feed.count(user));
    }

    @GET
    @Path("feed/unread-count")
    @Operation(operationId = "unreadCount", summary = "How many of the caller's notifications are unread")
    public Map<String, Long> unread() {
        return Map.of("unread", feed.unread(readers.current()));
    }

    @GET
    @Path("feed/{id}")
    @Operation(operationId = "notification", summary = "One of the caller's notifications (404 for anyone else's)")
    public FeedView one(@PathParam("id") UUID id) {
        String user = readers.current();
        return feed.one(user, id).map(n -> view(n, language(user))).orElseThrow(() -> ProblemException.notFound("notification"));
    }

    @POST
    @Path("feed/{id}/read")
    @Operation(operationId = "markRead", summary = "Mark one of the caller's notifications read (404 for anyone else's)")
    public Map<String, Long> markRead(@PathParam("id") UUID id) {
        String user = readers.current();
        if (!feed.markRead(user, id)) {
            throw ProblemException.notFound("notification");
        }
        return Map.of("unread", feed.unread(user));
    }

    @POST
    @Path("feed/read")
    @Operation(operationId = "markAllRead", summary = "Mark every notification of the caller read")
    public Map<String, Long> markAllRead() {
        String user = readers.current();
        feed.markAllRead(user);
        return Map.of("unread", feed.unread(user));
    }

    /**
     * The caller's notifications as they come, as Server-Sent Events whose id is the notification's
     * sequence. A reconnect with {@code Last-Event-ID} gets exactly those after it, from the
     * database, so nothing is lost or repeated across a disconnect; without it the stream starts now.
     * The stream ends when the caller's token expires (its {@code exp}, by the server's clock): a
     * stream is not a way to keep hearing after the sign-in is over; the client reconnects with a
     * fresh token and its last id.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "stream", summary = "The caller's new notifications, live (Server-Sent Events; resumes after Last-Event-ID; ends when the token expires)")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        String user = readers.current();
        String language = language(user);
        long start;
        if (lastEventId == null || lastEventId.isBlank()) {
            start = feed.latest(user);
        } else {
            try {
                start = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("Last-Event-ID", "must be the id of an event this stream sent");
            }
        }
        Instant expiry = Instant.ofEpochSecond(token.getExpirationTime());
        AtomicLong sent = new AtomicLong(start);
        AtomicLong lastWritten = new AtomicLong(System.nanoTime());
        // One poll does both: the notifications after the last sent, and, when the stream was quiet for
        // a heartbeat, a comment; the gateway ends a connection idle for its response timeout (30 s).
        Multi<OutboundSseEvent> live = Multi.createFrom().ticks().every(streamPoll)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .select().first(tick -> clock.instant().isBefore(expiry))
                .onItem().transformToIterable(tick -> {
                    List<OutboundSseEvent> events = new ArrayList<>();
                    for (Notification notification : QuarkusTransaction.requiringNew().call(() -> feed.after(user, sent.get(), 100))) {
                        sent.set(notification.sequence());
                        events.add(sse.newEventBuilder().id(String.valueOf(notification.sequence())).name("notification")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(view(notification, language)).build());
                    }
                    if (events.isEmpty() && System.nanoTime() - lastWritten.get() >= heartbeat.toNanos()) {
                        events.add(sse.newEventBuilder().comment("still here").build());
                    }
                    if (!events.isEmpty()) {
                        lastWritten.set(System.nanoTime());
                    }
                    return events;
                });
        // A comment at once, so the client sees the stream open; one at the end says why it ends.
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("stream from " + start).build()),
                live,
                Multi.createFrom().item(() -> sse.newEventBuilder().comment("token expired: reconnect with a new one").build()));
    }

    private String language(String user) {
        return projections.recipient(user).map(Recipient::language).orElse(Messages.DEFAULT_LANGUAGE);
    }

    private FeedView view(Notification notification, String language) {
        return FeedView.of(notification, language, notifier.link(notification));
    }
}
