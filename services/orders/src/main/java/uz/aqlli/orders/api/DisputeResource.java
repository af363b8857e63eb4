package uz.aqlli.orders.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.orders.Dispute;
import uz.aqlli.orders.DisputeStatus;
import uz.aqlli.orders.repository.DisputeRepository;
import uz.aqlli.orders.service.Disputes;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.idempotency.IdempotentRequests;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.UUID;

/**
 * Disputes over orders, subscription months and contract milestones: opened by a party (retry-safe
 * with {@code Idempotency-Key}), answered, settled or escalated by the parties and decided by the
 * administration of the buyer's region, each step with {@code If-Match}. Nobody else learns that a
 * dispute exists (404).
 */
@Path("/disputes")
@Tag(name = "Disputes", description = "Disputes over orders, subscription months and contract milestones")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource {

    private final Disputes disputes;
    private final DisputeRepository repository;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    DisputeResource(Disputes disputes, DisputeRepository repository, IdempotentRequests idempotent, Caller caller) {
        this.disputes = disputes;
        this.repository = repository;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Transactional
    @Operation(operationId = "openDispute", summary = "A party opens a dispute over an order, a subscription month or a contract"
            + " milestone; it freezes just that. Idempotency-Key makes a retry return the first answer; If-Match, when sent, is"
            + " the order's or the contract's version the party saw")
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull DisputeForms.Opening form, UriInfo uri) {
        return idempotent.once(idempotencyKey, "POST /disputes", form, () -> {
            Dispute dispute = disputes.open(form.opening(), ifMatch);
            return Response.created(uri.getAbsolutePathBuilder().path(dispute.id().toString()).build())
                    .header(HttpHeaders.ETAG, EntityTags.of(dispute.version())).entity(DisputeView.of(dispute)).build();
        });
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER, Caller.ADMIN})
    @PageDepth
    @Operation(operationId = "listDisputes", summary = "The caller's organization's disputes (either side), or for the"
            + " administration those whose buyer is in its region")
    public PageView<DisputeView> list(@QueryParam("status") DisputeStatus status,
                                      @QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PanacheQuery<Dispute> query = caller.hasRole(Caller.ADMIN)
                ? repository.decidedIn(caller.regionScope(regionCode).orElse(null), status)
                : repository.ofParty(caller.requireOrganization(), status);
        var items = query.page(page, size).list().stream().map(DisputeView::of).toList();
        return new PageView<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER, Caller.ADMIN})
    @Operation(operationId = "getDispute", summary = "A dispute, for its parties and the administration of the buyer's region")
    public Response get(@PathParam("id") UUID id) {
        return tagged(disputes.visible(id));
    }

    @POST
    @Path("/{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "respondToDispute", summary = "The other party answers within the response window: RESPONDED")
    public Response respond(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull DisputeForms.Response form) {
        return tagged(disputes.respond(id, ifMatch, form.text().strip(), form.documents()));
    }

    @POST
    @Path("/{id}/settlement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "settleDispute", summary = "A party confirms an outcome; when both confirmed the same one it is"
            + " SETTLED and applied to the subject")
    public Response settle(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisputeForms.Settlement form) {
        return tagged(disputes.confirm(id, ifMatch, form.outcome(), form.amountUzs()));
    }

    @POST
    @Path("/{id}/escalation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "escalateDispute", summary = "A party sends the dispute to the administration of the buyer's region")
    public Response escalate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid DisputeForms.Escalation form) {
        String note = form == null || form.note() == null || form.note().isBlank() ? null : form.note().strip();
        return tagged(disputes.escalate(id, ifMatch, note));
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "resolveDispute", summary = "The administration of the buyer's region decides an escalated dispute,"
            + " with a written reason: RESOLVED, and the outcome applied")
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull DisputeForms.Resolution form) {
        return tagged(disputes.resolve(id, ifMatch, form.outcome(), form.amountUzs(), form.reason().strip(), form.documents()));
    }

    private static Response tagged(Dispute dispute) {
        return Response.ok(DisputeView.of(dispute)).header(HttpHeaders.ETAG, EntityTags.of(dispute.version())).build();
    }
}
