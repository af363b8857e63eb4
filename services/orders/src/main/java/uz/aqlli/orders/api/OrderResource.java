package uz.aqlli.orders.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.orders.Dispute;
import uz.aqlli.orders.DisputeSubject;
import uz.aqlli.orders.EInvoice;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderSide;
import uz.aqlli.orders.OrderStatus;
import uz.aqlli.orders.repository.MarketRepository;
import uz.aqlli.orders.repository.OrderRepository;
import uz.aqlli.orders.service.Disputes;
import uz.aqlli.orders.service.EInvoicing;
import uz.aqlli.orders.service.Fulfilment;
import uz.aqlli.orders.service.OrderAccess;
import uz.aqlli.orders.service.Ordering;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.idempotency.IdempotentRequests;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.UUID;

/**
 * Orders between organizations: placing (retry-safe with {@code Idempotency-Key}), each side's
 * steps (each needs {@code If-Match}), the parties' lists, the administration's list by region, and
 * the e-invoice document.
 */
@Path("/orders")
@Tag(name = "Orders", description = "Buying catalogue products and providers' offers")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    static final int MAX_PAGE_SIZE = 100;
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Ordering ordering;
    private final Fulfilment fulfilment;
    private final Disputes disputes;
    private final OrderAccess access;
    private final EInvoicing invoicing;
    private final OrderRepository orders;
    private final MarketRepository market;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    OrderResource(Ordering ordering, Fulfilment fulfilment, Disputes disputes, OrderAccess access, EInvoicing invoicing, OrderRepository orders,
                  MarketRepository market, IdempotentRequests idempotent, Caller caller) {
        this.ordering = ordering;
        this.fulfilment = fulfilment;
        this.disputes = disputes;
        this.access = access;
        this.invoicing = invoicing;
        this.orders = orders;
        this.market = market;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Transactional
    @Operation(operationId = "placeOrder", summary = "Order catalogue products of one enterprise, or a provider's offer (enterprises);"
            + " Idempotency-Key makes a retry return the first answer")
    public Response place(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @Valid @NotNull OrderForm form, UriInfo uri) {
        return idempotent.once(idempotencyKey, "POST /orders", form, () -> {
            Order order;
            if (form.ofProducts()) {
                order = ordering.placeProducts(form.lines(), form.deliveryTerms());
            } else {
                if (!caller.hasRole(Caller.ENTERPRISE)) {
                    throw uz.aqlli.platform.runtime.problem.ProblemException.forbidden("enterprises-only",
                            "Only enterprises order providers' offers");
                }
                order = ordering.placeService(form.offerId(), form.months(), form.deliveryTerms());
            }
            return Response.created(uri.getAbsolutePathBuilder().path(order.id().toString()).build())
                    .header(HttpHeaders.ETAG, EntityTags.of(order.version())).entity(view(order)).build();
        });
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @PageDepth
    @Operation(operationId = "listOwnOrders", summary = "The caller's organization's orders as buyer (side=BUYER) or seller (side=SELLER)")
    public PageView<OrderView> mine(@QueryParam("side") @DefaultValue("BUYER") OrderSide side,
                                    @QueryParam("status") OrderStatus status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        UUID organization = caller.requireOrganization();
        return page(side == OrderSide.BUYER ? orders.bought(organization, status) : orders.sold(organization, status), page, size);
    }

    @GET
    @Path("/region")
    @RolesAllowed(Caller.ADMIN)
    @PageDepth
    @Operation(operationId = "listRegionOrders", summary = "Orders with a buyer or seller in the administration's region")
    public PageView<OrderView> region(@QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                                      @QueryParam("status") OrderStatus status,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String scope = caller.regionScope(regionCode).orElse(null);
        return page(orders.inRegion(scope, status), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER, Caller.ADMIN})
    @Operation(operationId = "getOrder", summary = "An order, for its parties and their regions' administration")
    public Response get(@PathParam("id") UUID id) {
        return tagged(access.visible(id));
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "approveOrder", summary = "The buyer's manager sends an order above the threshold to the seller")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(ordering.approve(id, ifMatch));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "rejectOrder", summary = "The buyer's manager turns down an order waiting for approval")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull StepForms.Reason form) {
        return tagged(ordering.reject(id, ifMatch, form.reason().strip()));
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "confirmOrder", summary = "The seller takes the order on, with a delivery date")
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull StepForms.Confirmation form) {
        return tagged(fulfilment.confirm(id, ifMatch, form.deliveryDate()));
    }

    @POST
    @Path("/{id}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "refuseOrder", summary = "The seller declines the order, with the reason")
    public Response refuse(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull StepForms.Reason form) {
        return tagged(fulfilment.refuse(id, ifMatch, form.reason().strip()));
    }

    @POST
    @Path("/{id}/quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "quoteOrder", summary = "The provider's quote for a FROM_PRICE or HOURLY offer")
    public Response quote(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull StepForms.Quote form) {
        return tagged(fulfilment.quote(id, ifMatch, form.amountUzs(), form.hours(), form.deliveryDate(), form.note()));
    }

    @POST
    @Path("/{id}/quote/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "acceptQuote", summary = "The buyer accepts the quote (its amount, as read): the order is confirmed")
    public Response acceptQuote(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull StepForms.QuoteAcceptance form) {
        return tagged(fulfilment.acceptQuote(id, ifMatch, form.amountUzs()));
    }

    @POST
    @Path("/{id}/quote/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "declineQuote", summary = "The buyer declines the quote: the order is cancelled")
    public Response declineQuote(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid StepForms.OptionalReason form) {
        return tagged(fulfilment.declineQuote(id, ifMatch, form == null ? null : form.reason()));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "cancelOrder", summary = "Call the order off before delivery (a reason once confirmed, or from the seller)")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid StepForms.OptionalReason form) {
        return tagged(fulfilment.cancel(id, ifMatch, form == null ? null : form.reason()));
    }

    @POST
    @Path("/{id}/delivery")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "deliverOrder", summary = "The seller has delivered; the buyer's acceptance window starts")
    public Response deliver(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(fulfilment.deliver(id, ifMatch));
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "acceptOrder", summary = "The buyer accepts the delivery: the order is completed")
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(fulfilment.accept(id, ifMatch));
    }

    @POST
    @Path("/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "disputeOrder", summary = "A party opens a dispute over the whole order (If-Match of the order);"
            + " Location names the dispute. The same as POST /disputes with subject ORDER")
    public Response dispute(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull DisputeForms.OrderDispute form, UriInfo uri) {
        return disputed(disputes.open(form.opening(DisputeSubject.ORDER, id, null), ifMatch == null ? "" : ifMatch), uri);
    }

    @POST
    @Path("/{id}/months/{month}/delivery")
    @RolesAllowed(Caller.PROVIDER)
    @Operation(operationId = "deliverMonth", summary = "The provider has delivered this month of a subscription")
    public Response deliverMonth(@PathParam("id") UUID id, @PathParam("month") @Min(1) @Max(36) int month,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(fulfilment.deliverMonth(id, month, ifMatch));
    }

    @POST
    @Path("/{id}/months/{month}/acceptance")
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "acceptMonth", summary = "The buyer accepts this month of a subscription")
    public Response acceptMonth(@PathParam("id") UUID id, @PathParam("month") @Min(1) @Max(36) int month,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(fulfilment.acceptMonth(id, month, ifMatch));
    }

    @POST
    @Path("/{id}/months/{month}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "disputeMonth", summary = "The buyer opens a dispute over this month of a subscription (If-Match of"
            + " the order); only the month is frozen. The same as POST /disputes with subject MONTH")
    public Response disputeMonth(@PathParam("id") UUID id, @PathParam("month") @Min(1) @Max(36) int month,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull DisputeForms.OrderDispute form,
                                 UriInfo uri) {
        return disputed(disputes.open(form.opening(DisputeSubject.MONTH, id, month), ifMatch == null ? "" : ifMatch), uri);
    }

    /** The order as the dispute left it, and where the dispute is. */
    private Response disputed(Dispute dispute, UriInfo uri) {
        Order order = access.visible(dispute.orderId());
        return Response.ok(view(order)).header(HttpHeaders.ETAG, EntityTags.of(order.version()))
                .location(uri.getBaseUriBuilder().path("disputes").path(dispute.id().toString()).build()).build();
    }


    @GET
    @Path("/{id}/e-invoice")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "orderInvoice", summary = "The e-invoice (ESF JSON) of a completed order, for its operator")
    public EInvoice invoice(@PathParam("id") UUID id) {
        return invoicing.ofOrder(id);
    }

    @GET
    @Path("/{id}/months/{month}/e-invoice")
    @RolesAllowed({Caller.ENTERPRISE, Caller.PROVIDER})
    @Operation(operationId = "monthInvoice", summary = "The e-invoice (ESF JSON) of an accepted month of a subscription")
    public EInvoice monthInvoice(@PathParam("id") UUID id, @PathParam("month") @Min(1) @Max(36) int month) {
        return invoicing.ofMonth(id, month);
    }

    private OrderView view(Order order) {
        return OrderView.of(order, market::party, caller.memberOf(order.buyerId()) || caller.administers(order.buyerRegionCode()));
    }

    private Response tagged(Order order) {
        return Response.ok(view(order)).header(HttpHeaders.ETAG, EntityTags.of(order.version())).build();
    }

    private PageView<OrderView> page(PanacheQuery<Order> query, int page, int size) {
        var items = query.page(page, size).list().stream().map(this::view).toList();
        return new PageView<>(items, page, size, query.count());
    }
}
