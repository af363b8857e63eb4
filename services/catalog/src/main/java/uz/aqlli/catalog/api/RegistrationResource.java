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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.catalog.service.Onboarding;

import java.util.LinkedHashMap;
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
     * Anyone may register (no login yet). Always 202 with only what was sent and where the mail
     * went, whether the organization was registered, was registered before, or the manager's e-mail
     * already has an account: the answer says no more than a failed sign-in would.
     */
    @POST
    @PermitAll
    @Operation(operationId = "register", summary = "Register an organization and its manager (pending verification); a code is mailed to the manager")
    public Response register(@Valid @NotNull RegistrationRequest request) {
        var profile = request.organization().profile();
        var person = request.user().person();
        onboarding.register(profile, person);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", OrganizationView.sent(null, profile));
        body.put("user", MemberView.sent(person));
        body.put("confirmation", "a confirmation was sent to " + person.email());
        return Response.accepted(body).build();
    }

    /**
     * The manager sends back the mailed code with the password they choose: the account can sign in
     * from now on, and the answer shows the organization (pending until the administration decides).
     */
    @POST
    @Path("/confirmation")
    @PermitAll
    @Operation(operationId = "confirmRegistration", summary = "Confirm a registration with the mailed code and choose the manager's password")
    public Map<String, Object> confirm(@Valid @NotNull ConfirmationRequest request) {
        Onboarding.Confirmed confirmed = onboarding.confirm(request.code(), request.password());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", OrganizationView.of(confirmed.organization(), true));
        body.put("user", MemberView.of(confirmed.manager()));
        return body;
    }
}
