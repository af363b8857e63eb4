package uz.aqlli.catalog.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Regions;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.util.HashSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo catalogue the local run starts with: every region, searchable, and loaded once however often it starts. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class DemoCatalogueTest {

    @Inject
    DemoCatalogue catalogue;

    @Inject
    EntityManager entityManager;

    @Test
    void everyRegionHasListedProductsAndASecondLoadAddsNothing() {
        long organizations = count("select count(*) from organization where status_changed_by = 'demo-data'");
        long products = count("select count(*) from product p join organization o on o.id = p.enterprise_id"
                + " where o.status_changed_by = 'demo-data' and p.status = 'PUBLISHED'");
        @SuppressWarnings("unchecked")
        List<String> regions = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select distinct region_code from product where status = 'PUBLISHED'").getResultList());
        assertEquals(Regions.CODES, new HashSet<>(regions));
        // An e-invoice of a demo order names both parties' addresses and, for some lines, an IKPU code.
        assertEquals(0, count("select count(*) from organization where status_changed_by = 'demo-data' and address is null"));
        assertTrue(count("select count(*) from product where ikpu_code is not null") > 0, "no demo product has an IKPU code");

        catalogue.load(new StartupEvent());
        assertEquals(organizations, count("select count(*) from organization where status_changed_by = 'demo-data'"));
        assertEquals(products, count("select count(*) from product p join organization o on o.id = p.enterprise_id"
                + " where o.status_changed_by = 'demo-data' and p.status = 'PUBLISHED'"));

        // Bukhara's and Namangan's textile clusters answer a search in either script.
        given().queryParam("q", "пахта ипи").get("/api/catalog/products").then().statusCode(200)
                .body("items.enterpriseId.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("facets.region.value", hasItems("1706"));
        given().queryParam("zoneType", "CLUSTER").queryParam("sector", "TEXTILE_AND_GARMENTS").get("/api/catalog/products")
                .then().statusCode(200).body("facets.region.value", hasItems("1706", "1714"));
    }

    private long count(String sql) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult())).longValue();
    }
}
