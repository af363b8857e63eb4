package uz.aqlli.platform.runtime.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uz.aqlli.platform.runtime.problem.Problem;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a client may send again safely: a creating route that takes an {@code Idempotency-Key}
 * (the IETF httpapi draft, as Stripe has it) runs its work once per key and answers a repeat with
 * the first answer.
 *
 * <p>A route calls {@link #once} first thing inside its own transaction. The first answer is
 * stored in that transaction, so it commits with the change and its outbox event or not at all: a
 * crash before the commit leaves neither, and the client's retry runs the work. Keys belong to the
 * user who sent them (the token's subject) and are kept {@code aqlli.idempotency.retention} (at
 * least 24 h; {@link IdempotencyPurge} deletes older ones).
 */
@ApplicationScoped
public class IdempotentRequests {

    /** Set on an answer that was stored, not made now; the name the IETF draft's examples and Stripe use. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Caller caller;
    private final CurrentVertxRequest httpRequest;
    private final Clock clock;
    private final IdempotencyConfig config;
    private final Counter replayed;
    private final Counter reused;
    private final Counter inUse;

    IdempotentRequests(EntityManager entityManager, ObjectMapper objectMapper, Caller caller, CurrentVertxRequest httpRequest,
                       Clock clock, IdempotencyConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.caller = caller;
        this.httpRequest = httpRequest;
        this.clock = clock;
        this.config = config;
        this.replayed = outcome(registry, "replayed");
        this.reused = outcome(registry, "key-reused");
        this.inUse = outcome(registry, "key-in-use");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("aqlli.idempotency.repeats")
                .description("Requests whose Idempotency-Key was known: answered with the first answer (replayed) or refused")
                .tag("outcome", outcome)
                .register(registry);
    }

    void refuseShortRetention(@Observes StartupEvent started) {
        IdempotencyConfig.checkedRetention(config.retention());
    }

    /**
     * Runs {@code action} once per {@code idempotencyKey} of the caller and answers with what it
     * answered the first time.
     *
     * <p>No key: {@code action} runs as if there were no such mechanism. A key that is not 1–255
     * printable ASCII characters (or an empty header): 400 naming {@code Idempotency-Key}. A key from
     * a caller who is not signed in: 401 (keys are per user). A request under the same key
     * still running: 409 {@code idempotency-key-in-use}. A key already used for another operation
     * or another body: 422 {@code idempotency-key-reused}. The same request again: the stored
     * status, body bytes, {@code Location}, {@code ETag} and {@code Content-Type}, with
     * {@code Idempotent-Replayed: true}.
     *
     * <p>Only a 2xx answer is stored. A refusal is thrown by the action (it rolls the transaction
     * back, so nothing is stored and the client may retry with the same key once the cause is gone);
     * an action that returns another status has that answer sent as it is, and not kept.
     *
     * @param operation names the route ({@code "POST /orders"}): the same key and body sent to
     *                  another route is another request
     * @param request   the body as the route read it (may be null); compared in canonical form
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String idempotencyKey, String operation, Object request, Supplier<Response> action) {
        if (idempotencyKey == null) {
            if (sentEmpty()) {
                throw IdempotencyKey.refused();
            }
            return action.get();
        }
        IdempotencyKey key = new IdempotencyKey(idempotencyKey);
        String callerId = caller.userId();
        // Taken before the lookup and held to the commit: a second request under the key either finds
        // it held (409) or runs after the first committed and finds its answer. Never blocks.
        if (!tryLock(callerId, key)) {
            inUse.increment();
            throw ProblemException.conflict("idempotency-key-in-use",
                    "A request with this Idempotency-Key is still running; retry after it ends");
        }
        String fingerprint = RequestFingerprint.of(objectMapper, operation, request);
        StoredAnswer stored = find(callerId, key);
        if (stored != null) {
            if (!stored.fingerprint().equals(fingerprint)) {
                reused.increment();
                String used = stored.operation().equals(operation) ? operation + " with a different body" : stored.operation();
                throw new ProblemException(422, "urn:aqlli:problem:idempotency-key-reused", "Unprocessable content",
                        "This Idempotency-Key was already used for " + used + "; send a new key for a new request",
                        List.of(new Problem.FieldError(IdempotencyKey.HEADER, "was already used for another request")));
            }
            replayed.increment();
            return stored.replay();
        }
        Response answer = action.get();
        if (answer.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return answer;
        }
        StoredAnswer first = StoredAnswer.of(operation, fingerprint, answer, objectMapper);
        store(callerId, key, first);
        return first.asFirstAnswer(answer);
    }

    /**
     * Whether the request carries the header with nothing in it, which the REST layer hands a route
     * as no header at all: a client that meant to send a key must hear that it did not, not have
     * its write run unprotected.
     */
    private boolean sentEmpty() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext current = httpRequest.getCurrent();
        return current != null && current.request().headers().contains(IdempotencyKey.HEADER);
    }

    private boolean tryLock(String callerId, IdempotencyKey key) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lockOf(callerId, key))
                .getSingleResult();
    }

    /**
     * The advisory lock of one caller's key: 64 bits of a SHA-256, so two keys share a lock only by a
     * chance no one meets (and then one waits its turn as a 409, nothing worse).
     */
    static long lockOf(String callerId, IdempotencyKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("aqlli-idempotency\n" + callerId + "\n" + key.value()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private StoredAnswer find(String callerId, IdempotencyKey key) {
        // A row older than the retention is a key never seen: the purge may simply not have reached it yet.
        List<?> rows = entityManager.createNativeQuery("""
                        select operation, fingerprint, status, content_type, location, entity_tag, body
                        from idempotency_key
                        where caller_id = :caller and idempotency_key = :key and created_at > :keptSince""")
                .setParameter("caller", callerId)
                .setParameter("key", key.value())
                .setParameter("keptSince", clock.instant().minus(config.retention()))
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new StoredAnswer((String) row[0], (String) row[1], ((Number) row[2]).intValue(), (String) row[3],
                (String) row[4], (String) row[5], (byte[]) row[6]);
    }

    private void store(String callerId, IdempotencyKey key, StoredAnswer answer) {
        // Under the lock the only row there can be is an expired one: it is replaced. The casts type
        // the headers an answer may lack: a null alone tells PostgreSQL nothing (Hibernate may bind it as bytea).
        entityManager.createNativeQuery("""
                        insert into idempotency_key (caller_id, idempotency_key, operation, fingerprint, status,
                                                     content_type, location, entity_tag, body, created_at)
                        values (:caller, :key, :operation, :fingerprint, :status,
                                cast(:contentType as text), cast(:location as text), cast(:entityTag as text), :body, :createdAt)
                        on conflict (caller_id, idempotency_key) do update set
                            operation = excluded.operation, fingerprint = excluded.fingerprint, status = excluded.status,
                            content_type = excluded.content_type, location = excluded.location,
                            entity_tag = excluded.entity_tag, body = excluded.body, created_at = excluded.created_at""")
                .setParameter("caller", callerId)
                .setParameter("key", key.value())
                .setParameter("operation", answer.operation())
                .setParameter("fingerprint", answer.fingerprint())
                .setParameter("status", answer.status())
                .setParameter("contentType", answer.contentType())
                .setParameter("location", answer.location())
                .setParameter("entityTag", answer.entityTag())
                .setParameter("body", answer.body())
                .setParameter("createdAt", clock.instant())
                .executeUpdate();
    }

    /** A first answer as it is kept: what a replay needs to be the same answer, byte for byte. */
    record StoredAnswer(String operation, String fingerprint, int status, String contentType, String location,
                        String entityTag, byte[] body) {

        static StoredAnswer of(String operation, String fingerprint, Response answer, ObjectMapper mapper) {
            Object entity = answer.getEntity() instanceof GenericEntity<?> generic ? generic.getEntity() : answer.getEntity();
            byte[] body;
            if (entity == null) {
                body = new byte[0];
            } else if (entity instanceof byte[] bytes) {
                body = bytes;
            } else if (entity instanceof String text) {
                body = text.getBytes(StandardCharsets.UTF_8);
            } else {
                try {
                    body = mapper.writeValueAsBytes(entity);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the answer of " + operation + " cannot be written as JSON", e);
                }
            }
            String contentType = answer.getMediaType() != null ? answer.getMediaType().toString()
                    : body.length > 0 ? MediaType.APPLICATION_JSON : null;
            return new StoredAnswer(operation, fingerprint, answer.getStatus(), contentType,
                    answer.getHeaderString(HttpHeaders.LOCATION), answer.getHeaderString(HttpHeaders.ETAG), body);
        }

        /**
         * The action's own answer with the body as the bytes just stored, so that the first answer
         * and every replay carry the same bytes; the action's other headers stay as it set them.
         */
        Response asFirstAnswer(Response answer) {
            Response.ResponseBuilder builder = Response.fromResponse(answer).entity(body.length > 0 ? body : null);
            if (contentType != null) {
                builder.type(contentType);
            }
            return builder.build();
        }

        Response replay() {
            Response.ResponseBuilder builder = Response.status(status).header(REPLAYED, "true");
            if (body.length > 0) {
                builder.entity(body);
            }
            if (contentType != null) {
                builder.type(contentType);
            }
            if (location != null) {
                builder.header(HttpHeaders.LOCATION, location);
            }
            if (entityTag != null) {
                builder.header(HttpHeaders.ETAG, entityTag);
            }
            return builder.build();
        }
    }
}
