package uz.aqlli.orders;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import uz.aqlli.platform.runtime.idempotency.IdempotencyKey;
import uz.aqlli.platform.runtime.idempotency.IdempotentRequests;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only creating route, written the way a service's creating route uses
 * {@link IdempotentRequests}: the work (a row in {@code idempotency_probe_effect}, which
 * {@link IdempotencyTest} makes) and the stored answer in one transaction. {@code hold} keeps the
 * work running until the test lets it go; {@code refuse} makes the work fail after its insert.
 */
@Path("/test/idempotency")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdempotencyProbe {

    public record Made(UUID id, String title, Map<String, Object> details, List<String> tags) {
    }

    public record Request(String title, Map<String, Object> details, List<String> tags) {
    }

    /** Counted down when a held request's work has started; it then waits for {@link #release}. */
    static volatile CountDownLatch entered = new CountDownLatch(0);
    static volatile CountDownLatch release = new CountDownLatch(0);

    @Inject
    IdempotentRequests idempotent;

    @Inject
    EntityManager entityManager;

    @POST
    @Transactional
    public Response make(@HeaderParam(IdempotencyKey.HEADER) String key, @QueryParam("hold") boolean hold,
                         @QueryParam("refuse") boolean refuse, Request request, @Context UriInfo uri) {
        return idempotent.once(key, "POST /test/idempotency", request, () -> work(key, hold, refuse, request, uri));
    }

    /** The same work under another operation name: another route. */
    @POST
    @Path("/other")
    @Transactional
    public Response makeOther(@HeaderParam(IdempotencyKey.HEADER) String key, Request request, @Context UriInfo uri) {
        return idempotent.once(key, "POST /test/idempotency/other", request, () -> work(key, false, false, request, uri));
    }

    private Response work(String key, boolean hold, boolean refuse, Request request, UriInfo uri) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("insert into idempotency_probe_effect (id, idempotency_key) values (:id, :key)")
                .setParameter("id", id)
                .setParameter("key", key == null ? "(no key)" : key)
                .executeUpdate();
        if (hold) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the held request");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (refuse) {
            throw ProblemException.conflict("probe-refused", "The probe refuses after its work, as a rule checked late would");
        }
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag("1")
                .entity(new Made(id, request == null ? null : request.title(), request == null ? null : request.details(),
                        request == null ? null : request.tags()))
                .build();
    }
}
