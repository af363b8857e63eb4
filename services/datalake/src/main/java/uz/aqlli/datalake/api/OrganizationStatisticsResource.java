package uz.aqlli.datalake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.datalake.lake.LakeFigures;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.List;

/**
 * The directory's figures. Every route is limited to the caller's region ({@link Caller#regionScope}):
 * a regional administration sees its own region's figures, the republic's sees every region.
 */
@Path("/organizations")
@Tag(name = "Organization statistics", description = "The directory as the administration sees it, from the event lake (its Parquet files and the rows not sealed yet)")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationStatisticsResource {

    private final LakeFigures figures;
    private final Caller caller;

    OrganizationStatisticsResource(LakeFigures figures, Caller caller) {
        this.figures = figures;
        this.caller = caller;
    }

    @GET
    @Path("/by-region")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "organizationsByRegion",
            summary = "Registered organizations per region (SOATO code), within the caller's region")
    public List<RegionCount> byRegion(@QueryParam("regionCode")
                                      @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode) {
        return figures.organizationsByRegion(caller.regionScope(regionCode));
    }
}
