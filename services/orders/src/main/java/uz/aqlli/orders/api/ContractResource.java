package uz.aqlli.orders.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.orders.Contract;
import uz.aqlli.orders.ContractSide;
import uz.aqlli.orders.repository.ContractRepository;
import uz.aqlli.orders.service.Contracting;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.UUID;

/**
 * Contracts from tender awards: public to read (a public tender's contract), changed only by its
 * parties, each step with {@code If-Match}. Nobody creates one: the award does.
 */
@Path("/contracts")
@Tag(name = "Contracts", description = "Contracts from tender awards: milestone plans and signatures")
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final Contracting contracting;
    private final ContractRepository contracts;
    private final Caller caller;

    ContractResource(Contracting contracting, ContractRepository contracts, Caller caller) {
        this.contracting = contracting;
        this.contracts = contracts;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @PageDepth
    @Operation(operationId = "listContracts", summary = "A tender's contracts (requestId, anyone), or the caller's organization's"
            + " as buyer (side=BUYER) or supplier (side=SUPPLIER)")
    public PageView<ContractView> list(@QueryParam("requestId") UUID requestId,
                                       @QueryParam("side") @DefaultValue("BUYER") ContractSide side,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PanacheQuery<Contract> query;
        if (requestId != null) {
            query = contracts.ofRequest(requestId);
        } else {
            UUID organization = caller.requireOrganization();
            query = side == ContractSide.BUYER ? contracts.bought(organization) : contracts.supplied(organization);
        }
        var items = query.page(page, size).list().stream().map(this::view).toList();
        return new PageView<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getContract", summary = "A contract: public, as its tender; notes and signers only for its parties")
    public Response get(@PathParam("id") UUID id) {
        return tagged(contracting.find(id));
    }

    @POST
    @Path("/{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "proposeMilestonePlan", summary = "The supplier proposes the next plan version; amounts add up to the value")
    public Response propose(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull ContractForms.Plan form) {
        return tagged(contracting.proposePlan(id, ifMatch, form.drafts()));
    }

    @POST
    @Path("/{id}/plan/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "agreeMilestonePlan", summary = "The buyer agrees to the plan version it read")
    public Response agree(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull ContractForms.PlanChoice form) {
        return tagged(contracting.agreePlan(id, ifMatch, form.planVersion()));
    }

    @POST
    @Path("/{id}/plan/change-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "requestMilestonePlanChanges", summary = "The buyer asks for changes to the plan version, with a note")
    public Response requestChanges(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull ContractForms.ChangeRequest form) {
        return tagged(contracting.requestChanges(id, ifMatch, form.planVersion(), form.note()));
    }

    @POST
    @Path("/{id}/signature")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "signContract", summary = "A party's manager signs the agreed plan version; the second signature activates it")
    public Response sign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull ContractForms.PlanChoice form) {
        return tagged(contracting.sign(id, ifMatch, form.planVersion()));
    }

    @POST
    @Path("/{id}/signing-refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "refuseToSignContract", summary = "A party's manager refuses to sign, with a reason: the contract is cancelled")
    public Response refuse(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull StepForms.Reason form) {
        return tagged(contracting.refuseToSign(id, ifMatch, form.reason()));
    }

    private ContractView view(Contract contract) {
        return ContractView.of(contract, contracting.side(contract).isPresent());
    }

    private Response tagged(Contract contract) {
        return Response.ok(view(contract)).header(HttpHeaders.ETAG, EntityTags.of(contract.version())).build();
    }
}
