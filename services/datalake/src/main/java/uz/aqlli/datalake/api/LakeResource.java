package uz.aqlli.datalake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.datalake.lake.LakeFile;
import uz.aqlli.datalake.lake.LakeRebuild;
import uz.aqlli.datalake.lake.LakeSnapshots;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.List;

/** The lake itself, for the republic's administration: its files, and a rebuild from Kafka. */
@Path("/lake")
@Tag(name = "Data lake", description = "The lake's Parquet files and its rebuild from the domain topics")
@Produces(MediaType.APPLICATION_JSON)
public class LakeResource {

    private final LakeSnapshots lake;
    private final LakeRebuild rebuild;
    private final Caller caller;

    LakeResource(LakeSnapshots lake, LakeRebuild rebuild, Caller caller) {
        this.lake = lake;
        this.rebuild = rebuild;
        this.caller = caller;
    }

    @GET
    @Path("/files")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "lakeFiles", summary = "The sealed Parquet files of the lake (the manifest), republic level only")
    public List<LakeFile> files() {
        republicOnly();
        return lake.currentFiles();
    }

    @POST
    @Path("/rebuilds")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "rebuildLake", summary = "Starts reading every domain topic from its beginning into a fresh lake "
            + "folder beside the lake (the live lake is not touched); answers 202 with the job at once")
    public Response rebuild(@Context UriInfo uri) {
        republicOnly();
        LakeRebuild.Job job = rebuild.start();
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id).build()).build();
    }

    @GET
    @Path("/rebuilds/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "lakeRebuild", summary = "A rebuild's progress (records and events read) and, once over, its outcome")
    public LakeRebuild.Job rebuildJob(@PathParam("id") String id) {
        republicOnly();
        return rebuild.job(id).orElseThrow(() -> ProblemException.notFound("rebuild " + id));
    }

    /** The whole lake is every region's: a regional administration sees its region's figures only. */
    private void republicOnly() {
        if (caller.regionScope(null).isPresent()) {
            throw ProblemException.forbidden("republic-only", "Only the republic's administration manages the data lake");
        }
    }
}
