package uz.aqlli.catalog.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.catalog.service.Onboarding;

import java.util.Map;

@Path("/registrations")
@Tag(name = "Onboarding", description = "Self-registration of an organization with its first user")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final Onboarding onboarding;

    RegistrationResource(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    /**
     * Anyone may register (no login yet). 201 with the new, pending organization; 200 when this
     * exact registration was already done (a safe retry), with only what was sent and the
     * organization's id: whoever repeats a body learns nothing more from it.
     */
    @POST
    @PermitAll
    @Operation(operationId = "register", summary = "Register an organization and its manager (pending verification)")
    public Response register(@Valid @NotNull RegistrationRequest request, UriInfo uri) {
        var profile = request.organization().profile();
        var person = request.user().person();
        Onboarding.Outcome outcome = onboarding.register(profile, person);
        var body = outcome.created()
                ? Map.of("organization", OrganizationView.of(outcome.organization(), true), "user", MemberView.of(outcome.manager()))
                : Map.of("organization", OrganizationView.sent(outcome.organizationId(), profile), "user", MemberView.sent(person));
        var location = uri.getBaseUriBuilder().path("organizations").path(outcome.organizationId().toString()).build();
        return (outcome.created() ? Response.created(location) : Response.ok().location(location)).entity(body).build();
    }
}
