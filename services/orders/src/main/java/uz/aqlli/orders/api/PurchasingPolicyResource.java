package uz.aqlli.orders.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.orders.PurchasingPolicy;
import uz.aqlli.orders.service.Ordering;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;

/** The caller's organization's buying rule: the approval threshold its manager sets. */
@Path("/purchasing-policy")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
public class PurchasingPolicyResource {

    private final Ordering ordering;

    PurchasingPolicyResource(Ordering ordering) {
        this.ordering = ordering;
    }

    public record PolicyView(BigDecimal approvalThresholdUzs, String currency, String updatedBy, Instant updatedAt) {
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "getPurchasingPolicy", summary = "The approval threshold of the caller's organization (none: no approvals)")
    public Response get() {
        return ordering.policy().map(PurchasingPolicyResource::tagged)
                .orElseGet(() -> Response.ok(new PolicyView(null, "UZS", null, null)).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "setPurchasingPolicy", summary = "The manager sets or lifts the approval threshold (If-Match once set)")
    public Response set(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepForms.Policy form) {
        return tagged(ordering.setPolicy(ifMatch, form.approvalThresholdUzs()));
    }

    private static Response tagged(PurchasingPolicy policy) {
        return Response.ok(new PolicyView(policy.approvalThresholdUzs(), "UZS", policy.updatedBy(), policy.updatedAt()))
                .header(HttpHeaders.ETAG, EntityTags.of(policy.version())).build();
    }
}
