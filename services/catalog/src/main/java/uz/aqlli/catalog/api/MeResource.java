package uz.aqlli.catalog.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.catalog.service.OrganizationDirectory;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.UUID;

@Path("/me")
@Tag(name = "Organizations")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Caller caller;
    private final OrganizationDirectory directory;

    MeResource(Caller caller, OrganizationDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** Who the token says the caller is: the organization they act for, or the region they administer. */
    public record Me(String userId, UUID organizationId, String administrationRegion, OrganizationView organization) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "me", summary = "The signed-in user, their organization or administration region")
    public Me me() {
        OrganizationView organization = caller.organizationId()
                .map(id -> OrganizationView.of(directory.visible(id), true)).orElse(null);
        return new Me(caller.userId(), caller.organizationId().orElse(null), caller.administrationRegion().orElse(null), organization);
    }
}
