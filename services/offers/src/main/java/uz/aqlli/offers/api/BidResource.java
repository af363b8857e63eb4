package uz.aqlli.offers.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.service.Bidding;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.UUID;

/** Sealed bids on a service request. Every answer here passes through {@code BidSeal}. */
@Path("/requests/{requestId}/bids")
@Tag(name = "Bids", description = "Sealed bids: readable by their bidder, by the buyer after the deadline, by all after the award")
@Produces(MediaType.APPLICATION_JSON)
public class BidResource {

    private final Bidding bidding;

    BidResource(Bidding bidding) {
        this.bidding = bidding;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listBids", summary = "The bids the caller may read, and whether others are still sealed")
    public BidsView list(@PathParam("requestId") UUID requestId) {
        var sealed = bidding.visible(requestId);
        var request = sealed.request();
        boolean allReadable = sealed.bidCount() != null
                && sealed.items().stream().filter(Bid::active).count() == sealed.bidCount();
        return new BidsView(request.id(), request.status().name(), request.deadline(), !allReadable, sealed.bidCount(),
                sealed.items().stream().map(BidView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "submitBid", summary = "Submit a sealed bid before the deadline (verified providers, one active bid each)")
    public Response submit(@PathParam("requestId") UUID requestId, @Valid @NotNull BidForm form, UriInfo uri) {
        Bid bid = bidding.submit(requestId, form.terms());
        return Response.created(uri.getAbsolutePathBuilder().path(bid.id().toString()).build()).entity(BidView.of(bid)).build();
    }

    @GET
    @Path("/{bidId}")
    @PermitAll
    @Operation(operationId = "getBid", summary = "One bid, when the caller may read it")
    public BidView get(@PathParam("requestId") UUID requestId, @PathParam("bidId") UUID bidId) {
        return BidView.of(bidding.visible(requestId, bidId));
    }

    @PUT
    @Path("/{bidId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "reviseBid", summary = "Revise the caller's bid before the deadline")
    public BidView revise(@PathParam("requestId") UUID requestId, @PathParam("bidId") UUID bidId, @Valid @NotNull BidForm form) {
        return BidView.of(bidding.revise(requestId, bidId, form.terms()));
    }

    @DELETE
    @Path("/{bidId}")
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "withdrawBid", summary = "Withdraw the caller's bid before the deadline")
    public BidView withdraw(@PathParam("requestId") UUID requestId, @PathParam("bidId") UUID bidId) {
        return BidView.of(bidding.withdraw(requestId, bidId));
    }
}
