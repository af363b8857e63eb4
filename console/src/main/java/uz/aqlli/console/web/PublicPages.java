package uz.aqlli.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uz.aqlli.console.client.ApiAnswer;
import uz.aqlli.console.client.GatewayClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pages anyone may read: home, product search, the offers board, open service requests with
 * their questions and answers, and an organization's page. Each asks the public APIs through the
 * gateway (with the reader's token when signed in, so a member sees what members see).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    static final int PAGE_SIZE = 20;

    /** The 14 SOATO regions, as the APIs name them (their labels are in the bundles). */
    static final List<String> REGIONS = List.of("1735", "1703", "1706", "1708", "1710", "1712", "1714", "1718", "1722",
            "1724", "1726", "1727", "1730", "1733");
    static final List<String> CATEGORIES = List.of("ERP", "CRM", "E_COMMERCE", "WEBSITES_AND_PORTALS", "CLOUD_AND_HOSTING",
            "CYBERSECURITY", "INDUSTRIAL_IOT", "DATA_ANALYTICS", "DIGITAL_MARKETING", "E_INVOICING", "TRAINING");

    @Inject
    GatewayClient gateway;

    @Inject
    PageRenderer pages;

    @Inject
    Visitor visitor;

    @Inject
    Template home;

    @Inject
    Template products;

    @Inject
    Template offers;

    @Inject
    Template requests;

    @Inject
    Template request;

    @Inject
    Template organization;

    @GET
    public TemplateInstance home() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("products", total("/api/catalog/products", Map.of("size", "1")));
        figures.put("organizations", total("/api/catalog/organizations", Map.of("size", "1")));
        figures.put("offers", total("/api/offers/offers", Map.of("size", "1")));
        figures.put("openRequests", total("/api/offers/requests", Map.of("status", "OPEN", "size", "1")));
        return pages.page(home).data("figures", figures);
    }

    @GET
    @Path("products")
    public Response products(@QueryParam("q") String q, @QueryParam("regionCode") String regionCode,
                             @QueryParam("zoneType") String zoneType, @QueryParam("cluster") String cluster,
                             @QueryParam("sector") String sector, @QueryParam("exportReady") String exportReady,
                             @QueryParam("minPrice") String minPrice, @QueryParam("maxPrice") String maxPrice,
                             @QueryParam("sort") String sort, @QueryParam("page") String page) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("regionCode", regionCode);
        filters.put("zoneType", zoneType);
        filters.put("cluster", cluster);
        filters.put("sector", sector);
        filters.put("exportReady", exportReady);
        filters.put("minPrice", minPrice);
        filters.put("maxPrice", maxPrice);
        filters.put("sort", sort);
        filters.put("page", page);
        Query query = new Query("/products", filters);
        Map<String, String> api = new LinkedHashMap<>(query.values());
        api.put("size", String.valueOf(PAGE_SIZE));
        ApiAnswer found = gateway.get("/api/catalog/products", api, visitor.accessToken());
        return pages.respond(found, pages.page(products).data("query", query).data("result", found.object())
                .data("items", found.items()).data("facets", facets(found)).data("total", found.total().orElse(0L))
                .data("problems", pages.problems(found))
                .data("sorts", List.of("RELEVANCE", "PRICE_ASC", "PRICE_DESC", "NEWEST"))
                .data("kept", List.of("regionCode", "zoneType", "cluster", "sector", "exportReady")));
    }

    @GET
    @Path("offers")
    public Response offers(@QueryParam("category") String category, @QueryParam("regionCode") String regionCode,
                           @QueryParam("sort") String sort, @QueryParam("page") String page) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("category", category);
        filters.put("regionCode", regionCode);
        filters.put("sort", sort);
        filters.put("page", page);
        Query query = new Query("/offers", filters);
        Map<String, String> api = new LinkedHashMap<>(query.values());
        api.put("size", String.valueOf(PAGE_SIZE));
        ApiAnswer found = gateway.get("/api/offers/offers", api, visitor.accessToken());
        return pages.respond(found, pages.page(offers).data("query", query).data("items", found.items())
                .data("regions", REGIONS).data("categories", CATEGORIES)
                .data("total", found.total().orElse(0L)).data("problems", pages.problems(found)));
    }

    @GET
    @Path("requests")
    public Response requests(@QueryParam("category") String category, @QueryParam("regionCode") String regionCode,
                             @QueryParam("page") String page) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("category", category);
        filters.put("regionCode", regionCode);
        filters.put("page", page);
        Query query = new Query("/requests", filters);
        Map<String, String> api = new LinkedHashMap<>(query.values());
        api.put("status", "OPEN");
        api.put("sort", "DEADLINE");
        api.put("size", String.valueOf(PAGE_SIZE));
        ApiAnswer found = gateway.get("/api/offers/requests", api, visitor.accessToken());
        return pages.respond(found, pages.page(requests).data("query", query).data("items", found.items())
                .data("regions", REGIONS).data("categories", CATEGORIES)
                .data("total", found.total().orElse(0L)).data("problems", pages.problems(found)));
    }

    @GET
    @Path("requests/{id}")
    public Response request(@PathParam("id") UUID id) {
        ApiAnswer found = gateway.get("/api/offers/requests/" + id, Map.of(), visitor.accessToken());
        if (!found.ok()) {
            return pages.failed(found);
        }
        ApiAnswer questions = gateway.get("/api/offers/requests/" + id + "/questions", Map.of(), visitor.accessToken());
        return pages.respond(questions, pages.page(request).data("item", found.object()).data("questions", questions.list())
                .data("problems", pages.problems(questions)));
    }

    @GET
    @Path("organizations/{id}")
    public Response organization(@PathParam("id") UUID id) {
        ApiAnswer found = gateway.get("/api/catalog/organizations/" + id, Map.of(), visitor.accessToken());
        if (!found.ok()) {
            return pages.failed(found);
        }
        boolean provider = "PROVIDER".equals(found.object().get("kind"));
        ApiAnswer listed = provider
                ? gateway.get("/api/offers/offers", Map.of("providerId", id.toString(), "size", String.valueOf(PAGE_SIZE)), visitor.accessToken())
                : gateway.get("/api/catalog/organizations/" + id + "/products", Map.of("size", String.valueOf(PAGE_SIZE)), visitor.accessToken());
        return pages.respond(listed, pages.page(organization).data("item", found.object()).data("provider", provider)
                .data("listed", listed.items()).data("problems", pages.problems(listed)));
    }

    /** A list's total for the home page's figures; empty (shown as a dash) when the API could not say. */
    private Object total(String path, Map<String, String> query) {
        return gateway.get(path, query, visitor.accessToken()).total().map(Object.class::cast).orElse("—");
    }

    /** The search's facets in a fixed order, each {@code [{value, count}]}, as the template lists them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> facets(ApiAnswer found) {
        Object facets = found.object().get("facets");
        if (!(facets instanceof Map<?, ?> byName)) {
            return List.of();
        }
        String[][] order = {{"region", "regionCode"}, {"sector", "sector"}, {"zoneType", "zoneType"}, {"cluster", "cluster"},
                {"exportReady", "exportReady"}, {"price", "price"}};
        List<Map<String, Object>> shown = new java.util.ArrayList<>();
        for (String[] facet : order) {
            Object values = byName.get(facet[0]);
            if (values instanceof List<?> list && !list.isEmpty()) {
                shown.add(Map.of("name", facet[0], "param", facet[1], "options", (List<Object>) list));
            }
        }
        return shown;
    }
}
