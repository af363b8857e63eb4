package uz.aqlli.offers.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import uz.aqlli.offers.Offer;
import uz.aqlli.offers.OfferStatus;
import uz.aqlli.offers.PricingModel;
import uz.aqlli.offers.repository.OfferFilter;
import uz.aqlli.offers.service.OfferBoard;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.security.Caller;

import java.math.BigDecimal;
import java.util.UUID;

/** Providers' offers: the public board, and each provider's drafts and their lifecycle. */
@Path("/offers")
@Tag(name = "Offers", description = "Packaged digital services IT providers sell")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    static final int MAX_PAGE_SIZE = 100;

    private final OfferBoard board;

    OfferResource(OfferBoard board) {
        this.board = board;
    }

    @GET
    @PermitAll
    @Operation(operationId = "browseOffers", summary = "Published offers, filtered by category, region, pricing model and price")
    @PageDepth
    public PageView<OfferView> browse(@QueryParam("category") ServiceCategory category,
                                      @QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                                      @QueryParam("pricingModel") PricingModel pricingModel,
                                      @QueryParam("providerId") UUID providerId,
                                      @QueryParam("minPrice") @DecimalMin("0") BigDecimal minPrice,
                                      @QueryParam("maxPrice") @DecimalMin("0") BigDecimal maxPrice,
                                      @QueryParam("sort") @DefaultValue("NEWEST") OfferFilter.Sort sort,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        var filter = new OfferFilter(OfferStatus.PUBLISHED, providerId, category, pricingModel, regionCode, minPrice, maxPrice, sort);
        return page(board.board(filter, page, size), page, size);
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "listOwnOffers", summary = "The caller's organization's offers in every status")
    @PageDepth
    public PageView<OfferView> mine(@QueryParam("status") OfferStatus status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        var filter = new OfferFilter(status, null, null, null, null, null, null, OfferFilter.Sort.NEWEST);
        return page(board.own(filter, page, size), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "draftOffer", summary = "A new draft offer of the caller's organization")
    public Response draft(@Valid @NotNull OfferRequest request, UriInfo uri) {
        Offer offer = board.draft(request.terms());
        return Response.created(uri.getAbsolutePathBuilder().path(offer.id().toString()).build())
                .header(HttpHeaders.ETAG, EntityTags.of(offer.version())).entity(OfferView.of(offer)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getOffer", summary = "A published offer; drafts and withdrawn ones only for their provider and its administration")
    public Response get(@PathParam("id") UUID id) {
        return withTag(board.visible(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "reviseOffer", summary = "New terms for a draft or published offer (If-Match required)")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull OfferRequest request) {
        return withTag(board.revise(id, ifMatch, request.terms()));
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "publishOffer", summary = "Put a draft on the public board (verified providers only; If-Match required)")
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(board.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "withdrawOffer", summary = "Take a published offer off the board for good (If-Match required)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(board.withdraw(id, ifMatch));
    }

    private static Response withTag(Offer offer) {
        return Response.ok(OfferView.of(offer)).header(HttpHeaders.ETAG, EntityTags.of(offer.version())).build();
    }

    private static PageView<OfferView> page(Listing<Offer> listing, int page, int size) {
        return new PageView<>(listing.items().stream().map(OfferView::of).toList(), page, size, listing.total());
    }
}
