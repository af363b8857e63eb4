package uz.aqlli.orders.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import uz.aqlli.orders.ContractStatus;
import uz.aqlli.orders.EInvoice;
import uz.aqlli.orders.service.EInvoicing;
import uz.aqlli.orders.service.OrderConfig;
import uz.aqlli.orders.repository.ContractRepository;
import uz.aqlli.orders.service.Contracting;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.UUID;

/**
 * Contracts from tender awards: public to read (a public tender's contract), changed only by its
 * parties, each step with {@code If-Match}. Nobody creates one: the award does.
 */
@Path("/contracts")
@Tag(name = "Contracts", description = "Contracts from tender awards: milestone plans, signatures, deliveries, payments,"
        + " amendments, completion and termination")
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final Contracting contracting;
    private final ContractRepository contracts;
    private final Caller caller;
    private final EInvoicing invoicing;
    private final OrderConfig config;

    ContractResource(Contracting contracting, ContractRepository contracts, Caller caller, EInvoicing invoicing, OrderConfig config) {
        this.config = config;
        this.contracting = contracting;
        this.contracts = contracts;
        this.caller = caller;
        this.invoicing = invoicing;
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
            if (!caller.signedIn()) {
                throw ProblemException.unauthorized(); // one's own list: who is asking comes first
            }
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

    @GET
    @Path("/region")
    @RolesAllowed(Caller.ADMIN)
    @PageDepth
    @Operation(operationId = "listRegionContracts", summary = "Contracts with either party in the administration's region (republic: all)")
    public PageView<ContractView> region(@QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                                         @QueryParam("status") ContractStatus status,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String scope = caller.regionScope(regionCode).orElse(null);
        PanacheQuery<Contract> query = contracts.inRegion(scope, status);
        var items = query.page(page, size).list().stream().map(this::view).toList();
        return new PageView<>(items, page, size, query.count());
    }

    @POST
    @Path("/{id}/milestones/{number}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "deliverMilestone", summary = "The supplier marks a delivery milestone delivered, with a note and https document links")
    public Response deliver(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ContractForms.Delivery form) {
        return tagged(contracting.deliver(id, ifMatch, number, form.note(), form.documents()));
    }

    @POST
    @Path("/{id}/milestones/{number}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "acceptMilestone", summary = "The buyer accepts a delivered milestone: whole (MET) or the amount it names (PARTIALLY_MET)")
    public Response accept(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ContractForms.Acceptance form) {
        return tagged(contracting.accept(id, ifMatch, number, form.amountUzs()));
    }

    @POST
    @Path("/{id}/milestones/{number}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "rejectMilestone", summary = "The buyer rejects a delivery with a reason: scheduled again, due date unchanged")
    public Response reject(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull StepForms.Reason form) {
        return tagged(contracting.reject(id, ifMatch, number, form.reason()));
    }

    @POST
    @Path("/{id}/milestones/{number}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "recordMilestonePayment", summary = "The buyer records a payment it made against an accepted milestone (no money moves)")
    public Response pay(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ContractForms.Payment form) {
        return tagged(contracting.recordPayment(id, ifMatch, number, form.amountUzs(), form.paidOn()));
    }

    @GET
    @Path("/{id}/milestones/{number}/e-invoice")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "milestoneInvoice", summary = "The e-invoice (ESF JSON) of an accepted milestone, for the parties")
    public EInvoice invoice(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number) {
        Contract contract = contracting.find(id);
        return invoicing.ofMilestone(contract, contracting.side(contract).isPresent(), number);
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "proposeContractAmendment", summary = "A party's manager proposes new value and/or milestone terms, with a rationale")
    public Response amend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull ContractForms.Amendment form) {
        return tagged(contracting.proposeAmendment(id, ifMatch, form.rationale(), form.description(), form.newValueUzs(), form.changes()));
    }

    @POST
    @Path("/{id}/amendments/{number}/acceptance")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "acceptContractAmendment", summary = "The other party's manager accepts the amendment: its terms are in force")
    public Response acceptAmendment(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(contracting.answerAmendment(id, ifMatch, number, true));
    }

    @POST
    @Path("/{id}/amendments/{number}/refusal")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "declineContractAmendment", summary = "The other party's manager declines the amendment")
    public Response declineAmendment(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(contracting.answerAmendment(id, ifMatch, number, false));
    }

    @POST
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "terminateContract", summary = "A party's manager ends it with a reason, or proposes ending it by agreement;"
            + " paidUzs must be what the payments recorded add up to")
    public Response terminate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull ContractForms.Termination form) {
        return tagged(contracting.terminate(id, ifMatch, form.byAgreement(), form.reason(), form.paidUzs()));
    }

    @POST
    @Path("/{id}/termination/agreement")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "agreeToContractTermination", summary = "The other party's manager agrees to the proposed termination")
    public Response agreeToTermination(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(contracting.agreeToTermination(id, ifMatch));
    }

    private ContractView view(Contract contract) {
        return ContractView.of(contract, contracting.side(contract).isPresent(), config.acceptanceWindow());
    }

    private Response tagged(Contract contract) {
        return Response.ok(view(contract)).header(HttpHeaders.ETAG, EntityTags.of(contract.version())).build();
    }
}
