package uz.aqlli.catalog.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationDecision;
import uz.aqlli.catalog.OrganizationEvents;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.OrganizationProfile;
import uz.aqlli.catalog.PriceTier;
import uz.aqlli.catalog.Product;
import uz.aqlli.catalog.ProductEvents;
import uz.aqlli.catalog.ProductTerms;
import uz.aqlli.catalog.UnitOfMeasure;
import uz.aqlli.catalog.repository.OrganizationRepository;
import uz.aqlli.catalog.repository.ProductRepository;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;
import uz.aqlli.platform.runtime.outbox.EventOutbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A realistic first catalogue for the local run: verified enterprises in all 14 regions, in the
 * clusters and zones the source articles name, with products in Uzbek and Russian
 * ({@code demo/catalogue.json}). Each enterprise and its products enter in one transaction,
 * through the same entities and events as real ones; ids are derived from the STIR, so a second
 * start finds them and adds nothing. Addresses, VAT codes and IKPU codes are made up, in their real shapes. Off unless {@code aqlli.catalog.demo-catalogue=true} (the launcher, %dev and %test).
 */
@ApplicationScoped
public class DemoCatalogue {

    record DemoProduct(Map<String, String> name, Map<String, String> description, Sector sector, String hsCode,
                       String ikpuCode, UnitOfMeasure unit, BigDecimal priceUzs, BigDecimal minOrderQuantity, BigDecimal monthlyCapacity,
                       int leadTimeDays, boolean exportReady, List<String> certifications) {
    }

    record DemoEnterprise(String stir, String legalName, String regionCode, String districtCode, ZoneType zoneType,
                          String zoneName, List<Sector> sectors, String contactPhone, String contactEmail,
                          String address, String vatRegistrationCode, List<DemoProduct> products) {
    }

    record Catalogue(List<DemoEnterprise> enterprises) {
    }

    private final OrganizationRepository organizations;
    private final ProductRepository products;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final boolean enabled;

    DemoCatalogue(OrganizationRepository organizations, ProductRepository products, EventOutbox outbox, ObjectMapper json,
                  @ConfigProperty(name = "aqlli.catalog.demo-catalogue", defaultValue = "true") boolean enabled) {
        this.organizations = organizations;
        this.products = products;
        this.outbox = outbox;
        this.json = json;
        this.enabled = enabled;
    }

    void load(@Observes @Priority(20) StartupEvent startup) {
        if (!enabled) {
            return;
        }
        for (DemoEnterprise enterprise : read().enterprises()) {
            QuarkusTransaction.requiringNew().run(() -> load(enterprise));
        }
    }

    private void load(DemoEnterprise demo) {
        UUID id = UUID.nameUUIDFromBytes(("aqlli-demo-organization:" + demo.stir()).getBytes(StandardCharsets.UTF_8));
        if (organizations.findByIdOptional(id).isPresent() || organizations.stirTaken(demo.stir())) {
            return;
        }
        Instant now = Instant.now();
        Organization enterprise = Organization.register(id, new OrganizationProfile(OrganizationKind.ENTERPRISE, demo.legalName(),
                demo.stir(), demo.regionCode(), demo.districtCode(), demo.zoneType(), demo.zoneName(), new HashSet<>(demo.sectors()),
                java.util.Set.of(), demo.contactPhone(), demo.contactEmail(), demo.address(), demo.vatRegistrationCode()), null, now);
        enterprise.decide(OrganizationDecision.VERIFY, null, "demo-data", now);
        organizations.persist(enterprise);
        outbox.append(OrganizationEvents.registered(enterprise, null));
        outbox.append(OrganizationEvents.decided(enterprise, OrganizationDecision.VERIFY));
        for (int i = 0; i < demo.products().size(); i++) {
            DemoProduct item = demo.products().get(i);
            UUID productId = UUID.nameUUIDFromBytes(("aqlli-demo-product:" + demo.stir() + ":" + i).getBytes(StandardCharsets.UTF_8));
            Product product = Product.draft(productId, enterprise, new ProductTerms(item.name(), item.description(), item.sector(),
                    item.hsCode(), item.ikpuCode(), item.unit(), item.priceUzs(), List.<PriceTier>of(), item.minOrderQuantity(), item.monthlyCapacity(),
                    item.leadTimeDays(), item.exportReady(), item.certifications()), now);
            product.publish(now);
            products.persist(product);
            outbox.append(ProductEvents.published(product));
        }
    }

    private Catalogue read() {
        try (InputStream in = DemoCatalogue.class.getResourceAsStream("/demo/catalogue.json")) {
            return json.readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/catalogue.json cannot be read", e);
        }
    }
}
