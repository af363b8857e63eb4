package uz.aqlli.datalake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.datalake.repository.RawEventRepository;

import java.util.List;

@Path("/organizations")
@Tag(name = "Organization statistics", description = "The directory as the administration sees it, from the event lake")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationStatisticsResource {

    private final RawEventRepository rawEvents;

    OrganizationStatisticsResource(RawEventRepository rawEvents) {
        this.rawEvents = rawEvents;
    }

    @GET
    @Path("/by-region")
    @RolesAllowed("admin")
    @Operation(operationId = "organizationsByRegion", summary = "Registered organizations per region (SOATO code)")
    public List<RegionCount> byRegion() {
        return rawEvents.organizationsByRegion().stream()
                .map(row -> new RegionCount((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }
}
