package uz.aqlli.catalog.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import uz.aqlli.catalog.Product;
import uz.aqlli.catalog.ProductStatus;
import uz.aqlli.catalog.service.ProductCatalogue;
import uz.aqlli.catalog.service.ProductFinder;
import uz.aqlli.catalog.service.ProductSearch;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.api.PageDepth;
import uz.aqlli.platform.runtime.api.PageView;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.math.BigDecimal;
import java.util.UUID;

/** Enterprises' products: the public search and each enterprise's list, with versioned changes. */
@Path("/products")
@Tag(name = "Products", description = "What the region's enterprises make, and the search over it")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    static final int MAX_PAGE_SIZE = 100;

    private final ProductCatalogue catalogue;
    private final ProductSearch search;
    private final ListedProducts listed;

    ProductResource(ProductCatalogue catalogue, ProductSearch search, ListedProducts listed) {
        this.catalogue = catalogue;
        this.search = search;
        this.listed = listed;
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchProducts", summary = "Full-text search (Latin and Cyrillic alike, typo-tolerant) with facets")
    @PageDepth
    public SearchView search(@QueryParam("q") @Size(max = 200) String q,
                             @QueryParam("regionCode") @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String regionCode,
                             @QueryParam("zoneType") ZoneType zoneType,
                             @QueryParam("cluster") @Size(max = 200) String cluster,
                             @QueryParam("sector") Sector sector,
                             @QueryParam("exportReady") Boolean exportReady,
                             @QueryParam("minPrice") @DecimalMin("0") BigDecimal minPrice,
                             @QueryParam("maxPrice") @DecimalMin("0") BigDecimal maxPrice,
                             @QueryParam("sort") @DefaultValue("RELEVANCE") ProductFinder.Sort sort,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw ProblemException.invalidField("minPrice", "must not be above maxPrice");
        }
        var result = search.search(new ProductFinder.Filter(q, regionCode, zoneType, cluster, sector, exportReady, minPrice, maxPrice),
                sort, page, size);
        return new SearchView(result.items().stream().map(listed::view).toList(), page, size, result.total(), result.exact(),
                result.facets());
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "listOwnProducts", summary = "The caller's enterprise's products in every status")
    @PageDepth
    public PageView<ProductView> mine(@QueryParam("status") ProductStatus status,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return page(catalogue.own(status, page, size), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "draftProduct", summary = "A new draft product of the caller's enterprise")
    public Response draft(@Valid @NotNull ProductForm form, UriInfo uri) {
        Product product = catalogue.draft(form.terms());
        return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
                .header(HttpHeaders.ETAG, EntityTags.of(product.version())).entity(ProductView.of(product)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getProduct", summary = "A published product; drafts only for their enterprise and its administration")
    public Response get(@PathParam("id") UUID id) {
        return withTag(catalogue.visible(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "reviseProduct", summary = "New terms (If-Match required; 428 without, 412 when stale)")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ProductForm form) {
        return withTag(catalogue.revise(id, ifMatch, form.terms()));
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "publishProduct", summary = "List a draft publicly (verified enterprises; If-Match required)")
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(catalogue.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Caller.ENTERPRISE)
    @Operation(operationId = "withdrawProduct", summary = "Take a product off the list for good (If-Match required)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(catalogue.withdraw(id, ifMatch));
    }

    static Response withTag(Product product) {
        return Response.ok(ProductView.of(product)).header(HttpHeaders.ETAG, EntityTags.of(product.version())).build();
    }

    static PageView<ProductView> page(Listing<Product> listing, int page, int size) {
        return new PageView<>(listing.items().stream().map(ProductView::of).toList(), page, size, listing.total());
    }
}
