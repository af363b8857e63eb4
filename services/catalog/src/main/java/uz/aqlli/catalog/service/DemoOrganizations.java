package uz.aqlli.catalog.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.aqlli.catalog.Member;
import uz.aqlli.catalog.MemberRole;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationDecision;
import uz.aqlli.catalog.OrganizationEvents;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.OrganizationProfile;
import uz.aqlli.catalog.Person;
import uz.aqlli.catalog.repository.MemberRepository;
import uz.aqlli.catalog.repository.OrganizationRepository;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.events.ZoneType;
import uz.aqlli.platform.runtime.outbox.EventOutbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The verified organizations the demo users of the local realm
 * ({@code deploy/keycloak/realm/aqlli-realm.json}) act for. Their ids are the ones the realm gives
 * the users' {@code organization_id} and the Keycloak organizations. Loaded once, through the
 * same entities and events as a real registration; off unless
 * {@code aqlli.catalog.demo-organizations=true} (the launcher, %dev and %test), so never in a deployment.
 * The addresses and VAT codes are made up (the two enterprises and Raqamli Yechimlar charge VAT,
 * Samarqand Soft does not), so that an e-invoice of the demo data names both parties.
 */
@ApplicationScoped
public class DemoOrganizations {

    private record Demo(String id, OrganizationProfile profile, String userId, Person manager) {
    }

    private static final List<Demo> DEMO = List.of(
            new Demo("a1b2c3d4-0000-4000-8000-000000000001", new OrganizationProfile(OrganizationKind.ENTERPRISE,
                    "Buxoro To'qimachilik Klasteri MChJ", "300000001", "1706", "1706401", ZoneType.CLUSTER,
                    "Buxoro paxta-to'qimachilik klasteri", Set.of(Sector.TEXTILE_AND_GARMENTS), Set.of(),
                    "+998652210001", "info@buxoro-textile.demo.aqlli.uz",
                    "Buxoro viloyati, Buxoro shahri, Sanoat ko'chasi, 12-uy", "306010000001"),
                    "5e5e0000-0000-4000-8000-000000000001", new Person("Dilnoza", "Karimova", "enterprise1@demo.aqlli.uz", "")),
            new Demo("a1b2c3d4-0000-4000-8000-000000000002", new OrganizationProfile(OrganizationKind.ENTERPRISE,
                    "Navoiy Metall Konstruksiya AJ", "300000002", "1712", "1712401", ZoneType.FREE_ECONOMIC_ZONE,
                    "Navoiy erkin iqtisodiy zonasi", Set.of(Sector.METALLURGY, Sector.MACHINE_BUILDING), Set.of(),
                    "+998792230002", "info@navoiy-metall.demo.aqlli.uz",
                    "Navoiy viloyati, Navoiy shahri, Navoiy EIZ, Ishlab chiqaruvchilar ko'chasi, 3-uy", "312010000002"),
                    "5e5e0000-0000-4000-8000-000000000002", new Person("Bobur", "Rahimov", "enterprise2@demo.aqlli.uz", "")),
            new Demo("a1b2c3d4-0000-4000-8000-000000000003", new OrganizationProfile(OrganizationKind.PROVIDER,
                    "Raqamli Yechimlar MChJ", "300000003", "1726", "1726262", ZoneType.TECHNOPARK, "IT Park Tashkent",
                    Set.of(), Set.of(ServiceCategory.ERP, ServiceCategory.DATA_ANALYTICS, ServiceCategory.INDUSTRIAL_IOT),
                    "+998712000003", "sales@raqamli.demo.aqlli.uz",
                    "Toshkent shahri, Mirzo Ulug'bek tumani, Mo'minov ko'chasi, 4-uy (IT Park)", "326010000003"),
                    "5e5e0000-0000-4000-8000-000000000003", new Person("Jasur", "Toshmatov", "provider1@demo.aqlli.uz", "")),
            new Demo("a1b2c3d4-0000-4000-8000-000000000004", new OrganizationProfile(OrganizationKind.PROVIDER,
                    "Samarqand Soft MChJ", "300000004", "1718", "1718401", ZoneType.TECHNOPARK, "IT Park Samarqand",
                    Set.of(), Set.of(ServiceCategory.E_COMMERCE, ServiceCategory.WEBSITES_AND_PORTALS, ServiceCategory.CRM),
                    "+998662000004", "hello@samarqandsoft.demo.aqlli.uz",
                    "Samarqand viloyati, Samarqand shahri, Universitet xiyoboni, 15-uy", null),
                    "5e5e0000-0000-4000-8000-000000000004", new Person("Malika", "Ergasheva", "provider2@demo.aqlli.uz", "")));

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final EventOutbox outbox;
    private final boolean enabled;

    DemoOrganizations(OrganizationRepository organizations, MemberRepository members, EventOutbox outbox,
                      @ConfigProperty(name = "aqlli.catalog.demo-organizations", defaultValue = "true") boolean enabled) {
        this.organizations = organizations;
        this.members = members;
        this.outbox = outbox;
        this.enabled = enabled;
    }

    void load(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        for (Demo demo : DEMO) {
            QuarkusTransaction.requiringNew().run(() -> {
                UUID id = UUID.fromString(demo.id());
                if (organizations.findByIdOptional(id).isPresent()) {
                    return;
                }
                Instant now = Instant.now();
                Organization organization = Organization.register(id, demo.profile(), id, now);
                organization.decide(OrganizationDecision.VERIFY, null, "demo-data", now);
                organizations.persist(organization);
                Member manager = new Member(UUID.fromString(demo.userId()), id, demo.manager(), MemberRole.MANAGER, now);
                members.persist(manager);
                outbox.append(OrganizationEvents.registered(organization, manager));
                outbox.append(OrganizationEvents.decided(organization, OrganizationDecision.VERIFY));
            });
        }
    }
}
