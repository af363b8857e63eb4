package uz.aqlli.orders.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.orders.RatingDeal;
import uz.aqlli.orders.service.Ratings;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * Double-blind ratings of finished orders and contracts. A rating is shown only to its rater's
 * members until the deal's ratings are published together; then to everyone.
 */
@Path("/ratings")
@Tag(name = "Ratings", description = "Double-blind ratings of finished orders and contracts, and the rated party's response")
@Produces(MediaType.APPLICATION_JSON)
public class RatingResource {

    private final Ratings ratings;

    RatingResource(Ratings ratings) {
        this.ratings = ratings;
    }

    @POST
    @Path("/orders/{orderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "rateOrder", summary = "Rate the other party of a completed order, once (hidden until both rated or the window closed)")
    public Response rateOrder(@PathParam("orderId") UUID orderId, @Valid @NotNull RatingForms.Rate form, @Context UriInfo uri) {
        return created(RatingView.of(ratings.rate(RatingDeal.Kind.ORDER, orderId, form.scores())), uri);
    }

    @GET
    @Path("/orders/{orderId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER, Caller.ADMIN})
    @Operation(operationId = "listOrderRatings", summary = "An order's published ratings, and the caller's own while hidden (who sees the order)")
    public List<RatingView> ofOrder(@PathParam("orderId") UUID orderId) {
        return ratings.ofDeal(RatingDeal.Kind.ORDER, orderId).stream().map(RatingView::of).toList();
    }

    @POST
    @Path("/contracts/{contractId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "rateContract", summary = "Rate the other party of a completed or terminated contract, once (hidden until both rated or the window closed)")
    public Response rateContract(@PathParam("contractId") UUID contractId, @Valid @NotNull RatingForms.Rate form, @Context UriInfo uri) {
        return created(RatingView.of(ratings.rate(RatingDeal.Kind.CONTRACT, contractId, form.scores())), uri);
    }

    @GET
    @Path("/contracts/{contractId}")
    @PermitAll
    @Operation(operationId = "listContractRatings", summary = "A contract's published ratings (anyone, as the contract), and the caller's own while hidden")
    public List<RatingView> ofContract(@PathParam("contractId") UUID contractId) {
        return ratings.ofDeal(RatingDeal.Kind.CONTRACT, contractId).stream().map(RatingView::of).toList();
    }

    @GET
    @PermitAll
    @PageDepth
    @Operation(operationId = "listRatings", summary = "An organization's published ratings, newest first (anyone)")
    public PageView<RatingView> ofOrganization(@QueryParam("organizationId") @NotNull UUID organizationId,
                                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var listing = ratings.ofOrganization(organizationId, page, size);
        return new PageView<>(listing.items().stream().map(RatingView::inDirectory).toList(), page, size, listing.total());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getRating", summary = "A published rating (anyone), or the caller's own while hidden")
    public RatingView get(@PathParam("id") UUID id) {
        return RatingView.of(ratings.readable(id));
    }

    @POST
    @Path("/{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "respondToRating", summary = "The rated organization's one public response to a published rating")
    public RatingView respond(@PathParam("id") UUID id, @Valid @NotNull RatingForms.Response form) {
        return RatingView.of(ratings.respond(id, form.text().strip()));
    }

    private static Response created(RatingView view, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path(RatingResource.class).path(view.id().toString()).build())
                .entity(view).build();
    }
}
