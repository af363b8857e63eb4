package uz.aqlli.offers.api;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.offers.RequestStatus;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.offers.service.BidSeal;
import uz.aqlli.offers.service.Tendering;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Enterprises' service requests: the public tender board, questions and answers, and the buyer's decisions. */
@Path("/requests")
@Tag(name = "Service requests", description = "Tenders for digital services: publication, questions, award")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRequestResource {

    static final int MAX_PAGE_SIZE = 100;

    private final Tendering tendering;
    private final Caller caller;

    ServiceRequestResource(Tendering tendering, Caller caller) {
        this.tendering = tendering;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "browseServiceRequests", summary = "Service requests by status, category and region")
    @PageDepth
    public PageView<ServiceRequestView> browse(@QueryParam("status") RequestStatus status,
                                               @QueryParam("category") ServiceCategory category,
                                               @QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                                               @QueryParam("sort") @DefaultValue("NEWEST") Sort sort,
                                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return page(tendering.board(status, category, regionCode, sort == Sort.DEADLINE, page, size), page, size);
    }

    /** Board order: newest first, or the nearest deadline first. */
    public enum Sort {
        NEWEST,
        DEADLINE
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "listOwnServiceRequests", summary = "The caller's organization's requests")
    @PageDepth
    public PageView<ServiceRequestView> mine(@QueryParam("status") RequestStatus status,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return page(tendering.own(status, page, size), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "publishServiceRequest", summary = "Put a request out to tender (verified enterprises only)")
    public Response publish(@Valid @NotNull ServiceRequestForm form, UriInfo uri) {
        ServiceRequest request = tendering.publish(form.terms());
        return Response.created(uri.getAbsolutePathBuilder().path(request.id().toString()).build()).entity(view(request)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getServiceRequest", summary = "One request; a private budget only for its buyer")
    public ServiceRequestView get(@PathParam("id") UUID id) {
        return view(tendering.current(id));
    }

    @GET
    @Path("/{id}/questions")
    @PermitAll
    @Operation(operationId = "listQuestions", summary = "The request's questions and answers, without who asked")
    public List<QuestionView> questions(@PathParam("id") UUID id) {
        return tendering.questions(id).stream().map(QuestionView::of).toList();
    }

    @POST
    @Path("/{id}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "askQuestion", summary = "A provider asks while the tender is open")
    public Response ask(@PathParam("id") UUID id, @Valid @NotNull TextForm form) {
        return Response.status(201).entity(QuestionView.of(tendering.ask(id, form.text().strip()))).build();
    }

    @PUT
    @Path("/{id}/questions/{questionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "answerQuestion", summary = "The buyer answers; the answer is public and final")
    public QuestionView answer(@PathParam("id") UUID id, @PathParam("questionId") UUID questionId, @Valid @NotNull TextForm form) {
        return QuestionView.of(tendering.answer(id, questionId, form.text().strip()));
    }

    @POST
    @Path("/{id}/award")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "awardServiceRequest", summary = "The buyer awards one bid after the deadline")
    public ServiceRequestView award(@PathParam("id") UUID id, @Valid @NotNull AwardForm form) {
        return view(tendering.award(id, form.bidId(), form.reason(), form.qualityScores()));
    }

    @POST
    @Path("/{id}/unsuccessful")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "declareServiceRequestUnsuccessful", summary = "The buyer ends the evaluation without an award, with a reason")
    public ServiceRequestView unsuccessful(@PathParam("id") UUID id, @Valid @NotNull TextForm form) {
        return view(tendering.declareUnsuccessful(id, form.text().strip()));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "cancelServiceRequest", summary = "The buyer cancels the request, with a reason")
    public ServiceRequestView cancel(@PathParam("id") UUID id, @Valid @NotNull TextForm form) {
        return view(tendering.cancel(id, form.text().strip()));
    }

    private ServiceRequestView view(ServiceRequest request) {
        return views(List.of(request)).getFirst();
    }

    private PageView<ServiceRequestView> page(Listing<ServiceRequest> listing, int page, int size) {
        return new PageView<>(views(listing.items()), page, size, listing.total());
    }

    /** As the caller may see them, with the bid counts the caller may see counted in one query. */
    private List<ServiceRequestView> views(List<ServiceRequest> requests) {
        var organization = caller.organizationId();
        List<ServiceRequest> counted = requests.stream().filter(request -> BidSeal.countsFor(request, organization)).toList();
        Map<UUID, Long> counts = counted.isEmpty() ? Map.of() : tendering.bidCounts(counted);
        return requests.stream().map(request -> ServiceRequestView.of(request, caller.memberOf(request.buyerId()),
                counted.contains(request) ? counts.getOrDefault(request.id(), 0L) : null)).toList();
    }
}
