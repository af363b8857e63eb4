package uz.aqlli.catalog.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.catalog.service.OrganizationDirectory;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.util.UUID;

@Path("/organizations")
@Tag(name = "Organizations", description = "The directory of enterprises and IT providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationDirectory directory;

    OrganizationResource(OrganizationDirectory directory) {
        this.directory = directory;
    }

    /** The regional administration enters an organization; self-registration comes with onboarding. */
    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "registerOrganization", summary = "Register an organization (pending verification)")
    public Response register(@Valid @NotNull RegisterOrganizationRequest request, UriInfo uri) {
        var organization = directory.register(request.kind(), request.legalName(), request.stir(),
                request.regionCode(), request.districtCode());
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id().toString()).build())
                .entity(OrganizationView.of(organization))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "getOrganization", summary = "One organization of the directory")
    public OrganizationView get(@PathParam("id") UUID id) {
        return directory.find(id).map(OrganizationView::of).orElseThrow(() -> ProblemException.notFound("Organization " + id));
    }
}
