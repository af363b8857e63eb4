package uz.aqlli.catalog.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.OrganizationStatus;
import uz.aqlli.catalog.service.OrganizationDirectory;
import uz.aqlli.catalog.service.ProductCatalogue;
import uz.aqlli.catalog.service.PublishedRatings;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

/** The directory. Every route names who may call it; the service also checks whose data it is. */
@Path("/organizations")
@Tag(name = "Organizations", description = "The directory of enterprises and IT providers, and its administration")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    static final int MAX_PAGE_SIZE = 100;

    private final OrganizationDirectory directory;
    private final ProductCatalogue products;
    private final PublishedRatings ratings;

    OrganizationResource(OrganizationDirectory directory, ProductCatalogue products, PublishedRatings ratings) {
        this.directory = directory;
        this.products = products;
        this.ratings = ratings;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listOrganizations", summary = "Verified organizations; the administration lists any status in its region")
    @PageDepth
    public PageView<OrganizationView> list(@QueryParam("status") OrganizationStatus status,
                                           @QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                                           @QueryParam("kind") OrganizationKind kind,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        var listing = directory.list(status, regionCode, kind, page, size);
        return new PageView<>(listing.items().stream().map(o -> OrganizationView.of(o, directory.seesPrivately(o))).toList(),
                page, size, listing.total());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getOrganization", summary = "One organization (not verified ones: only its members and its administration)")
    public OrganizationView get(@PathParam("id") UUID id) {
        var organization = directory.visible(id);
        return OrganizationView.of(organization, directory.seesPrivately(organization), ratings.of(organization.id()));
    }

    @GET
    @Path("/{id}/products")
    @PermitAll
    @Operation(operationId = "listOrganizationProducts", summary = "The organization's published products (its page)")
    @PageDepth
    public PageView<ProductView> products(@PathParam("id") UUID id,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        directory.visible(id);
        return ProductResource.page(products.listedBy(id, page, size), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/decisions")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "decideOnOrganization", summary = "Verify, reject, suspend or reinstate (the organization's region's administration)")
    public OrganizationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return OrganizationView.of(directory.decide(id, request.decision(), request.reason()), true);
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER, Caller.ADMIN})
    @Operation(operationId = "listMembers", summary = "The organization's users (its members and its administration only)")
    public List<MemberView> members(@PathParam("id") UUID id) {
        return directory.members(id).stream().map(MemberView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/members")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "addMember", summary = "The manager adds a user to their organization")
    public Response addMember(@PathParam("id") UUID id, @Valid @NotNull NewMemberRequest request, UriInfo uri) {
        var member = directory.addMember(id, request.person());
        return Response.created(uri.getAbsolutePathBuilder().path(member.userId().toString()).build())
                .entity(MemberView.of(member)).build();
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "removeMember", summary = "The manager removes a user; their account is closed")
    public Response removeMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        directory.removeMember(id, userId);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/manager-handover")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "handOverManagement", summary = "The manager makes another member the manager")
    public MemberView handOver(@PathParam("id") UUID id, @Valid @NotNull HandoverRequest request) {
        return MemberView.of(directory.handOverManagement(id, request.userId()));
    }
}
