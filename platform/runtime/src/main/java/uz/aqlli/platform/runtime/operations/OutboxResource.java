package uz.aqlli.platform.runtime.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.platform.runtime.outbox.OutboxParking;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * Every service's parked outbox events, for the platform's operators: the republic-level
 * administration (a regional one would see other regions' activity). Under the service's own API
 * root, e.g. {@code /api/catalog/operations/outbox/parked}.
 */
@Path("/operations/outbox/parked")
@Tag(name = "Operations", description = "What the platform's operators watch and mend")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class OutboxResource {

    private final OutboxParking parking;
    private final Caller caller;

    OutboxResource(OutboxParking parking, Caller caller) {
        this.parking = parking;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "parkedOutboxEvents", summary = "Events this service could not publish and stopped retrying")
    public List<OutboxParking.ParkedEvent> parked() {
        requireRepublic();
        return parking.list();
    }

    @POST
    @Path("/{id}/release")
    @Operation(operationId = "releaseParkedOutboxEvent", summary = "Try a parked event again, with a fresh set of attempts")
    public OutboxParking.ParkedEvent release(@PathParam("id") UUID id) {
        requireRepublic();
        return parking.release(id).orElseThrow(() -> ProblemException.notFound("Parked outbox event " + id));
    }

    private void requireRepublic() {
        if (!caller.administrationRegion().map(Caller.REPUBLIC::equals).orElse(false)) {
            throw ProblemException.forbidden("republic-level-only", "Only the republic-level administration operates the platform");
        }
    }
}
