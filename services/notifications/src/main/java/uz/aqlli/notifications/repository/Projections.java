package uz.aqlli.notifications.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.notifications.Messages;
import uz.aqlli.notifications.Recipient;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What notifications knows of the market, kept from the domain events, and the queries that turn
 * an event's organizations into the users to tell.
 */
@ApplicationScoped
public class Projections {

    private final EntityManager entityManager;

    Projections(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * An organization as the directory's latest event says; an event older (by its offset on the
     * same partition) than what the row reflects changes nothing. Returns whether it applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean organization(UUID id, String kind, String legalName, String region, String status, String managerUserId,
                                String contactEmail, int partition, long offset) {
        int changed = entityManager.createNativeQuery("""
                        insert into organization (organization_id, kind, legal_name, region_code, status, manager_user_id,
                                                  contact_email, source_partition, source_offset)
                        values (:id, :kind, :name, :region, :status, :manager, :email, :partition, :offset)
                        on conflict (organization_id) do update
                            set kind = excluded.kind, region_code = excluded.region_code, status = excluded.status,
                                legal_name = coalesce(excluded.legal_name, organization.legal_name),
                                manager_user_id = coalesce(excluded.manager_user_id, organization.manager_user_id),
                                contact_email = coalesce(excluded.contact_email, organization.contact_email),
                                source_partition = excluded.source_partition, source_offset = excluded.source_offset,
                                updated_at = now()
                            where organization.source_partition <> excluded.source_partition
                               or organization.source_offset < excluded.source_offset""")
                .setParameter("id", id).setParameter("kind", kind).setParameter("name", legalName)
                .setParameter("region", region).setParameter("status", status).setParameter("manager", managerUserId)
                .setParameter("email", contactEmail).setParameter("partition", partition).setParameter("offset", offset)
                .executeUpdate();
        return changed == 1;
    }

    /** The organization's registered service categories (providers) or sectors (enterprises). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fields(UUID organizationId, Collection<String> fields) {
        entityManager.createNativeQuery("delete from organization_field where organization_id = :id")
                .setParameter("id", organizationId).executeUpdate();
        for (String field : fields) {
            entityManager.createNativeQuery("""
                            insert into organization_field (organization_id, field) values (:id, :field) on conflict do nothing""")
                    .setParameter("id", organizationId).setParameter("field", field).executeUpdate();
        }
    }

    /**
     * A member the directory names (its manager, or one the manager added) as a recipient: the manager
     * with the organization's contact address until they sign in here with their own, an added member
     * with their sign-in address; a user already known keeps their address.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void directoryMember(String userId, UUID organizationId, String contactEmail) {
        entityManager.createNativeQuery("""
                        insert into recipient (user_id, organization_id, email) values (:user, :org, :email)
                        on conflict (user_id) do update set organization_id = excluded.organization_id,
                            email = coalesce(recipient.email, excluded.email)""")
                .setParameter("user", userId).setParameter("org", organizationId).setParameter("email", contactEmail)
                .executeUpdate();
    }

    /** Where an offer is served, replacing what it was before; none once withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offer(UUID offerId, UUID providerId, String category, Collection<String> regions) {
        entityManager.createNativeQuery("delete from offer_reach where offer_id = :id").setParameter("id", offerId).executeUpdate();
        if (regions == null) {
            return;
        }
        for (String region : regions) {
            entityManager.createNativeQuery("""
                            insert into offer_reach (offer_id, provider_id, category, region_code)
                            values (:id, :provider, :category, :region) on conflict do nothing""")
                    .setParameter("id", offerId).setParameter("provider", providerId).setParameter("category", category)
                    .setParameter("region", region).executeUpdate();
        }
    }

    /**
     * A member the directory removed: no longer a recipient, their Telegram chat unlinked, and never
     * made one again by a token issued before the removal (valid a few minutes more).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void departed(String userId, UUID organizationId) {
        entityManager.createNativeQuery("""
                        insert into departed_member (user_id, organization_id) values (:user, :org) on conflict do nothing""")
                .setParameter("user", userId).setParameter("org", organizationId).executeUpdate();
        entityManager.createNativeQuery("delete from recipient where user_id = :user").setParameter("user", userId).executeUpdate();
        entityManager.createNativeQuery("delete from telegram_chat where user_id = :user").setParameter("user", userId).executeUpdate();
    }

    /** A user as their token says, each time they call this API: their organization, address and administration region. */
    @Transactional
    public void saw(String userId, UUID organizationId, String email, String administrationRegion) {
        entityManager.createNativeQuery("""
                        insert into recipient (user_id, organization_id, email, administration_region)
                        select :user, :org, :email, :region
                        where not exists (select 1 from departed_member d where d.user_id = :user)
                        on conflict (user_id) do update set organization_id = excluded.organization_id,
                            email = coalesce(excluded.email, recipient.email),
                            administration_region = excluded.administration_region, seen_at = now()""")
                .setParameter("user", userId).setParameter("org", organizationId).setParameter("email", email)
                .setParameter("region", administrationRegion).executeUpdate();
    }

    @Transactional
    public void language(String userId, String language) {
        entityManager.createNativeQuery("update recipient set language = :language where user_id = :user")
                .setParameter("language", language).setParameter("user", userId).executeUpdate();
    }

    public Optional<Recipient> recipient(String userId) {
        return recipients("select user_id, email, language from recipient where user_id = :p", userId).stream().findFirst();
    }

    /** Everyone known to act for the organization. */
    public List<Recipient> members(UUID organizationId) {
        if (organizationId == null) {
            return List.of();
        }
        return recipients("select user_id, email, language from recipient where organization_id = :p", organizationId);
    }

    /** The organization's manager (the one who approves and signs), or every member when the directory named none. */
    public List<Recipient> managers(UUID organizationId) {
        List<Recipient> manager = recipients("""
                select r.user_id, r.email, r.language from recipient r join organization o on o.manager_user_id = r.user_id
                where o.organization_id = :p""", organizationId);
        return manager.isEmpty() ? members(organizationId) : manager;
    }

    /** The administration users of the region and of the republic. */
    public List<Recipient> administrators(String region) {
        if (region == null) {
            return List.of();
        }
        return recipients("""
                select user_id, email, language from recipient
                where administration_region = :p or administration_region = '17'""", region);
    }

    /**
     * The verified providers whose field covers a request of {@code category} in {@code regions}
     * (all regions when empty): registered for the category and sitting in one of the regions, or
     * with a published offer of the category served in one of them.
     */
    public List<UUID> providersFor(String category, List<String> regions) {
        boolean everywhere = regions == null || regions.isEmpty();
        @SuppressWarnings("unchecked")
        List<Object> ids = entityManager.createNativeQuery("""
                        select o.organization_id from organization o
                        where o.kind = 'PROVIDER' and o.status = 'VERIFIED'
                          and (exists (select 1 from organization_field f
                                       where f.organization_id = o.organization_id and f.field = :category
                                         and (:everywhere or o.region_code in (:regions)))
                            or exists (select 1 from offer_reach r
                                       where r.provider_id = o.organization_id and r.category = :category
                                         and (:everywhere or r.region_code in (:regions))))""")
                .setParameter("category", category).setParameter("everywhere", everywhere)
                .setParameter("regions", everywhere ? List.of("-") : regions)
                .getResultList();
        return ids.stream().map(id -> (UUID) id).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID requestId, UUID buyerId, String category, String titleJson) {
        entityManager.createNativeQuery("""
                        insert into service_request (request_id, buyer_id, category, title) values (:id, :buyer, :category, :title)
                        on conflict (request_id) do nothing""")
                .setParameter("id", requestId).setParameter("buyer", buyerId).setParameter("category", category)
                .setParameter("title", titleJson).executeUpdate();
    }

    /** The request's title by language as published (JSON), if the request is known. */
    public Optional<String> requestTitle(UUID requestId) {
        return entityManager.createNativeQuery("select title from service_request where request_id = :id")
                .setParameter("id", requestId).getResultStream().findFirst().map(Object::toString);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(UUID requestId, UUID organizationId, boolean bidder) {
        entityManager.createNativeQuery("""
                        insert into request_follower (request_id, organization_id, bidder) values (:id, :org, :bidder)
                        on conflict (request_id, organization_id) do update set bidder = request_follower.bidder or excluded.bidder""")
                .setParameter("id", requestId).setParameter("org", organizationId).setParameter("bidder", bidder).executeUpdate();
    }

    /** The organizations that follow the request (told of it, or bidders), or its bidders only. */
    public List<UUID> followers(UUID requestId, boolean biddersOnly) {
        @SuppressWarnings("unchecked")
        List<Object> ids = entityManager.createNativeQuery("""
                        select organization_id from request_follower where request_id = :id and (bidder or not :bidders)""")
                .setParameter("id", requestId).setParameter("bidders", biddersOnly).getResultList();
        return ids.stream().map(id -> (UUID) id).toList();
    }

    /** The members of every organization given, each user once. */
    public List<Recipient> membersOf(Collection<UUID> organizations) {
        Map<String, Recipient> byUser = new LinkedHashMap<>();
        for (UUID organization : organizations) {
            for (Recipient member : members(organization)) {
                byUser.putIfAbsent(member.userId(), member);
            }
        }
        return List.copyOf(byUser.values());
    }

    /**
     * The members of verified providers who chose their own categories and regions for new
     * requests, with their choice: they hear of requests by it instead of their organization's.
     */
    public List<OwnReach> ownReach() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select r.user_id, r.email, r.language, r.email_enabled, r.digest, r.muted_kinds, r.categories, r.regions,
                               r.organization_id, r.telegram_enabled
                        from recipient r join organization o on o.organization_id = r.organization_id
                        where r.categories is not null and o.kind = 'PROVIDER' and o.status = 'VERIFIED'""")
                .getResultList();
        return rows.stream().map(row -> new OwnReach(recipient(row), list((String) row[6]), list((String) row[7]), (UUID) row[8]))
                .toList();
    }

    /** A provider's member's own choice of categories and regions (none chosen: all regions). */
    public record OwnReach(Recipient recipient, List<String> categories, List<String> regions, UUID organizationId) {

        public boolean covers(String category, List<String> requestRegions) {
            return categories.contains(category) && (regions.isEmpty() || requestRegions == null || requestRegions.isEmpty()
                    || requestRegions.stream().anyMatch(regions::contains));
        }
    }

    /** Whether the user chose their own categories and regions. */
    public boolean choseOwnReach(String userId) {
        return !entityManager.createNativeQuery("select 1 from recipient where user_id = :user and categories is not null")
                .setParameter("user", userId).getResultList().isEmpty();
    }

    /** What the user chose; {@code categories} and {@code regions} null for the organization's. */
    @Transactional
    public void prefer(String userId, String language, boolean emailEnabled, boolean telegramEnabled, boolean digest,
                       Collection<String> mutedKinds, Collection<String> categories, Collection<String> regions) {
        entityManager.createNativeQuery("""
                        update recipient set language = :language, email_enabled = :email, telegram_enabled = :telegram, digest = :digest, muted_kinds = :muted,
                            categories = :categories, regions = :regions,
                            -- A digest chosen now covers what comes from now on: what came before was mailed already.
                            digest_up_to = case when :digest and not recipient.digest
                                then (select coalesce(max(sequence), 0) from notification where recipient_user_id = :user)
                                else digest_up_to end
                        where user_id = :user""")
                .setParameter("language", language).setParameter("email", emailEnabled).setParameter("telegram", telegramEnabled).setParameter("digest", digest)
                .setParameter("muted", String.join(",", mutedKinds))
                .setParameter("categories", categories == null ? null : String.join(",", categories))
                .setParameter("regions", regions == null ? null : String.join(",", regions))
                .setParameter("user", userId).executeUpdate();
    }

    /** The user's stored preferences: language, mail, digest, muted kinds, own categories and regions (null: the organization's). */
    public Optional<Object[]> preferences(String userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select language, email_enabled, digest, muted_kinds, categories, regions, organization_id, telegram_enabled
                        from recipient where user_id = :user""")
                .setParameter("user", userId).getResultList();
        return rows.stream().findFirst();
    }

    /** The organization's registered fields (a provider's service categories) and its region. */
    public List<String> fieldsOf(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object> fields = entityManager.createNativeQuery("select field from organization_field where organization_id = :id order by field")
                .setParameter("id", organizationId).getResultList();
        return fields.stream().map(Object::toString).toList();
    }

    public Optional<String> regionOf(UUID organizationId) {
        return entityManager.createNativeQuery("select region_code from organization where organization_id = :id")
                .setParameter("id", organizationId).getResultStream().findFirst().map(Object::toString);
    }

    private List<Recipient> recipients(String sql, Object parameter) {
        String columns = "select r.user_id, r.email, r.language, r.email_enabled, r.digest, r.muted_kinds, r.telegram_enabled from (" + sql + ") found "
                + "join recipient r on r.user_id = found.user_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(columns).setParameter("p", parameter).getResultList();
        return rows.stream().map(Projections::recipient).toList();
    }

    static Recipient recipient(Object[] row) {
        return new Recipient((String) row[0], (String) row[1], Messages.language((String) row[2]), (Boolean) row[3], (Boolean) row[4],
                java.util.Set.copyOf(list((String) row[5])), row.length > 9 ? (Boolean) row[9] : (Boolean) row[6]);
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparated.split(",")).filter(value -> !value.isBlank()).toList();
    }
}
