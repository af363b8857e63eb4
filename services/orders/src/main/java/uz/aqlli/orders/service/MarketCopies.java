package uz.aqlli.orders.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.orders.ListingStatus;
import uz.aqlli.orders.PriceTier;
import uz.aqlli.platform.events.OfferPublished;
import uz.aqlli.platform.events.OfferUpdated;
import uz.aqlli.platform.events.OfferWithdrawn;
import uz.aqlli.platform.events.OrganizationEvent;
import uz.aqlli.platform.events.OrganizationManagerChanged;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.ProductPublished;
import uz.aqlli.platform.events.ProductUpdated;
import uz.aqlli.platform.events.ProductWithdrawn;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.Subscription;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;
import uz.aqlli.platform.runtime.standing.OrganizationStandings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * orders' own copies of the market, fed by catalog's and offers' events: the directory's
 * organizations (standing and invoice details), published products and published offers. Placing
 * an order reads only these, so it never waits on, or fails with, another service.
 *
 * <p>One consumer on the three topics, through the platform's consumer seam: each event applied once
 * (the inbox, in the same transaction), a record that is no event of its topic dead-lettered to
 * {@code aqlli.orders.dead-letters}, anything else retried. A row remembers the topic offset of the
 * event it reflects and an older one never overwrites it.
 */
@ApplicationScoped
public class MarketCopies {

    static final String CONSUMER = "orders-market-copies";

    private final EventDelivery delivery;
    private final EntityManager entityManager;
    private final OrganizationStandings standings;
    private final ObjectMapper json;
    private final Subscription subscription;

    MarketCopies(EventDelivery delivery, EntityManager entityManager, OrganizationStandings standings, ObjectMapper json) {
        this.delivery = delivery;
        this.entityManager = entityManager;
        this.standings = standings;
        this.json = json;
        this.subscription = Subscription.named(CONSUMER, Topic.ORDERS_DEAD_LETTERS)
                .on(Topic.ORGANIZATIONS, OrganizationEvent.class, this::organization)
                .on(Topic.PRODUCTS, ProductPublished.class, (event, at) -> product(event.productId(), event.enterpriseId(),
                        event.name(), event.sector(), event.unit(), event.priceUzs(), tiers(event.priceTiers()),
                        event.minOrderQuantity(), event.ikpuCode(), at))
                .on(Topic.PRODUCTS, ProductUpdated.class, (event, at) -> product(event.productId(), event.enterpriseId(),
                        event.name(), event.sector(), event.unit(), event.priceUzs(), tiers(event.priceTiers()),
                        event.minOrderQuantity(), event.ikpuCode(), at))
                .on(Topic.PRODUCTS, ProductWithdrawn.class, (event, at) -> withdrawn("listed_product", "product_id", event.productId(), at))
                .on(Topic.OFFERS, OfferPublished.class, (event, at) -> offer(event.offerId(), event.providerId(), event.category(),
                        event.title(), event.pricingModel(), event.priceUzs(), event.deliveryDays(), event.regionsServed(),
                        event.ikpuCode(), at))
                .on(Topic.OFFERS, OfferUpdated.class, (event, at) -> offer(event.offerId(), event.providerId(), event.category(),
                        event.title(), event.pricingModel(), event.priceUzs(), event.deliveryDays(), event.regionsServed(),
                        event.ikpuCode(), at))
                .on(Topic.OFFERS, OfferWithdrawn.class, (event, at) -> withdrawn("listed_offer", "offer_id", event.offerId(), at));
    }

    @Incoming("market")
    @Blocking // one record at a time: a later event of one aggregate never overtakes an earlier one
    public void onMarketEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void organization(OrganizationEvent event, Delivery at) {
        standings.apply(event, at);
        if (event instanceof OrganizationRegistered registered) {
            guarded(entityManager.createNativeQuery("""
                            insert into trading_party (organization_id, kind, legal_name, stir, region_code, district_code, zone_type,
                                zone_name, address, vat_registration_code, manager_user_id, source_partition, source_offset)
                            values (:id, :kind, :name, :stir, :region, :district, :zoneType, :zoneName, :address, :vat, :manager,
                                :partition, :offset)
                            on conflict (organization_id) do update
                                set kind = excluded.kind, legal_name = excluded.legal_name, stir = excluded.stir,
                                    region_code = excluded.region_code, district_code = excluded.district_code,
                                    zone_type = excluded.zone_type, zone_name = excluded.zone_name, address = excluded.address,
                                    vat_registration_code = excluded.vat_registration_code,
                                    manager_user_id = excluded.manager_user_id,
                                    source_partition = excluded.source_partition, source_offset = excluded.source_offset,
                                    updated_at = now()
                                where""" + newer("trading_party"))
                    .setParameter("name", registered.legalName())
                    .setParameter("stir", registered.stir())
                    .setParameter("district", registered.districtCode())
                    .setParameter("zoneType", registered.zoneType())
                    .setParameter("zoneName", registered.zoneName())
                    .setParameter("address", registered.address())
                    .setParameter("vat", registered.vatRegistrationCode())
                    .setParameter("manager", registered.managerUserId() == null ? null : registered.managerUserId().toString()),
                    event, at);
            return;
        }
        // Every other directory event names kind and region; a manager change names the new manager.
        String manager = event instanceof OrganizationManagerChanged changed ? changed.managerUserId().toString() : null;
        guarded(entityManager.createNativeQuery("""
                        insert into trading_party (organization_id, kind, region_code, manager_user_id, source_partition, source_offset)
                        values (:id, :kind, :region, :manager, :partition, :offset)
                        on conflict (organization_id) do update
                            set kind = excluded.kind, region_code = excluded.region_code,
                                manager_user_id = coalesce(excluded.manager_user_id, trading_party.manager_user_id),
                                source_partition = excluded.source_partition, source_offset = excluded.source_offset,
                                updated_at = now()
                            where""" + newer("trading_party"))
                .setParameter("manager", manager), event, at);
    }

    private void guarded(Query upsert, OrganizationEvent event, Delivery at) {
        if (event.organizationId() == null || event.kind() == null || event.regionCode() == null) {
            throw new MalformedEventException("event " + at.envelope().id() + " names no organization, kind or region", null);
        }
        upsert.setParameter("id", event.organizationId())
                .setParameter("kind", event.kind())
                .setParameter("region", event.regionCode())
                .setParameter("partition", at.partition())
                .setParameter("offset", at.offset())
                .executeUpdate();
    }

    private void product(UUID id, UUID enterprise, Map<String, String> name, String sector, String unit, BigDecimal price,
                         List<PriceTier> tiers, BigDecimal minimum, String ikpuCode, Delivery at) {
        if (id == null || enterprise == null || name == null || sector == null || unit == null || price == null || minimum == null) {
            throw new MalformedEventException("product event " + at.envelope().id() + " lacks a field orders prices from", null);
        }
        entityManager.createNativeQuery("""
                        insert into listed_product (product_id, enterprise_id, status, name, sector, unit, price_uzs, price_tiers,
                            min_order_quantity, ikpu_code, source_partition, source_offset)
                        values (:id, :enterprise, 'PUBLISHED', cast(:name as jsonb), :sector, :unit, :price, cast(:tiers as jsonb),
                            :minimum, :ikpu, :partition, :offset)
                        on conflict (product_id) do update
                            set enterprise_id = excluded.enterprise_id, status = excluded.status, name = excluded.name,
                                sector = excluded.sector, unit = excluded.unit, price_uzs = excluded.price_uzs,
                                price_tiers = excluded.price_tiers, min_order_quantity = excluded.min_order_quantity,
                                ikpu_code = excluded.ikpu_code, source_partition = excluded.source_partition,
                                source_offset = excluded.source_offset, updated_at = now()
                            where""" + newer("listed_product"))
                .setParameter("id", id)
                .setParameter("enterprise", enterprise)
                .setParameter("name", asJson(name))
                .setParameter("sector", sector)
                .setParameter("unit", unit)
                .setParameter("price", price)
                .setParameter("tiers", asJson(tiers))
                .setParameter("minimum", minimum)
                .setParameter("ikpu", ikpuCode)
                .setParameter("partition", at.partition())
                .setParameter("offset", at.offset())
                .executeUpdate();
    }

    private void offer(UUID id, UUID provider, String category, Map<String, String> title, String pricingModel, BigDecimal price,
                       int deliveryDays, List<String> regions, String ikpuCode, Delivery at) {
        if (id == null || provider == null || category == null || title == null || pricingModel == null || price == null) {
            throw new MalformedEventException("offer event " + at.envelope().id() + " lacks a field orders prices from", null);
        }
        entityManager.createNativeQuery("""
                        insert into listed_offer (offer_id, provider_id, status, category, title, pricing_model, price_uzs,
                            delivery_days, regions_served, ikpu_code, source_partition, source_offset)
                        values (:id, :provider, 'PUBLISHED', :category, cast(:title as jsonb), :model, :price, :days,
                            cast(:regions as text[]), :ikpu, :partition, :offset)
                        on conflict (offer_id) do update
                            set provider_id = excluded.provider_id, status = excluded.status, category = excluded.category,
                                title = excluded.title, pricing_model = excluded.pricing_model, price_uzs = excluded.price_uzs,
                                delivery_days = excluded.delivery_days, regions_served = excluded.regions_served,
                                ikpu_code = excluded.ikpu_code, source_partition = excluded.source_partition,
                                source_offset = excluded.source_offset, updated_at = now()
                            where""" + newer("listed_offer"))
                .setParameter("id", id)
                .setParameter("provider", provider)
                .setParameter("category", category)
                .setParameter("title", asJson(title))
                .setParameter("model", pricingModel)
                .setParameter("price", price)
                .setParameter("days", deliveryDays)
                .setParameter("regions", "{" + String.join(",", regions == null ? List.of() : regions) + "}")
                .setParameter("ikpu", ikpuCode)
                .setParameter("partition", at.partition())
                .setParameter("offset", at.offset())
                .executeUpdate();
    }

    /**
     * A withdrawal only marks the copy: an order of it is then refused saying it was withdrawn. One
     * that arrives for an unknown listing (never published here) has nothing to mark.
     */
    private void withdrawn(String table, String key, UUID id, Delivery at) {
        if (id == null) {
            throw new MalformedEventException("withdrawal " + at.envelope().id() + " names nothing", null);
        }
        entityManager.createNativeQuery("update " + table + " set status = '" + ListingStatus.WITHDRAWN + "', source_partition = :partition,"
                        + " source_offset = :offset, updated_at = now() where " + key + " = :id and (" + newerThanRow(table) + ")")
                .setParameter("id", id)
                .setParameter("partition", at.partition())
                .setParameter("offset", at.offset())
                .executeUpdate();
    }

    /** The upsert's guard: the arriving event is later on the topic than the one the row reflects. */
    private static String newer(String table) {
        return " " + table + ".source_partition <> excluded.source_partition or " + table + ".source_offset < excluded.source_offset";
    }

    private static String newerThanRow(String table) {
        return table + ".source_partition <> :partition or " + table + ".source_offset < :offset";
    }

    private static List<PriceTier> tiers(List<ProductPublished.Tier> tiers) {
        return tiers == null ? List.of() : tiers.stream().map(tier -> new PriceTier(tier.minQuantity(), tier.priceUzs())).toList();
    }

    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
