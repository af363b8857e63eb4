package uz.aqlli.datalake.lake;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administration's figures (docs/metrics.md), each a query over the lake's events alone.
 *
 * <p>Every figure is a set of facts, one row per thing counted, each placed in a month (Asia/Tashkent)
 * and by region, district, zone type and zone, sector and service category, and measures aggregated
 * over them. A figure of flows (deals, registrations…) counts the facts whose event falls in a month;
 * a figure of stock (adoption, supply) takes the lake as of the month's end. The facts read
 * {@code {buckets}} (month, starts, ends: the months asked for, or the whole period as one) and the
 * views {@link LakeFigures} makes: {@code e_organizations}, {@code e_products}, {@code e_offers},
 * {@code e_requests}, {@code e_orders}, {@code e_contracts}, {@code e_disputes}, {@code e_red_flags} (each a topic's
 * known events from its producer only) and {@code org_place} (each organization as it registered).
 *
 * <p>Sealed stays sealed: no fact reads a price of a bid. Bids are counted from BidSubmitted and
 * BidWithdrawn, which carry none; values are awarded, accepted and paid ones.
 */
public enum Figure {

    DEALS("deals", """
            select b.month, %s, %s as sector, %s as category, e.event_type as fact, %s as uzs, true as present
            from e_orders e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends
            where e.event_type in ('OrderPlaced', 'OrderCompleted')
            union all
            select b.month, %s, null, %s, e.event_type,
                   case e.event_type when 'ContractSigned' then %s else %s end, true
            from e_contracts e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends
            where e.event_type = 'ContractCompleted' or (e.event_type = 'ContractSigned' and %s is not null)"""
            .formatted(party("order.buyer"), text("order.sector"), text("order.serviceCategory"), uzs("order.amountUzs"),
                    party("contract.buyer"), text("contract.category"), uzs("contract.valueUzs"), uzs("valueInForceUzs"),
                    text("dateSigned")),
            measures(
                    "ordersPlaced", "count(*) filter (where fact = 'OrderPlaced')",
                    "ordersPlacedUzs", sum("fact = 'OrderPlaced'"),
                    "ordersCompleted", "count(*) filter (where fact = 'OrderCompleted')",
                    "ordersCompletedUzs", sum("fact = 'OrderCompleted'"),
                    "contractsSigned", "count(*) filter (where fact = 'ContractSigned')",
                    "contractsSignedUzs", sum("fact = 'ContractSigned'"),
                    "contractsCompleted", "count(*) filter (where fact = 'ContractCompleted')",
                    "contractsCompletedUzs", sum("fact = 'ContractCompleted'")), flowViews("e_orders", "e_contracts")),

    PARTICIPANTS("participants", """
            select b.month, %1$s, op.sector, op.category, 'ENTERPRISE' as kind, %2$s as organization, true as present
            from e_orders e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends left join org_place op on op.org_id = %2$s
            where e.event_type = 'OrderPlaced'
            union all
            select b.month, %3$s, op.sector, op.category, case %4$s when 'SERVICE' then 'PROVIDER' else 'ENTERPRISE' end, %5$s, true
            from e_orders e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends left join org_place op on op.org_id = %5$s
            where e.event_type = 'OrderPlaced'
            union all
            select b.month, %6$s, op.sector, op.category, 'ENTERPRISE', %7$s, true
            from e_contracts e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends left join org_place op on op.org_id = %7$s
            where e.event_type = 'ContractSigned' and %10$s is not null
            union all
            select b.month, %8$s, op.sector, op.category, 'PROVIDER', %9$s, true
            from e_contracts e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends left join org_place op on op.org_id = %9$s
            where e.event_type = 'ContractSigned' and %10$s is not null"""
            .formatted(party("order.buyer"), text("order.buyer.organizationId"), party("order.seller"), text("order.kind"),
                    text("order.seller.organizationId"), party("contract.buyer"), text("contract.buyer.organizationId"),
                    party("contract.supplier"), text("contract.supplier.organizationId"), text("dateSigned")),
            measures(
                    "activeEnterprises", "count(distinct organization) filter (where kind = 'ENTERPRISE')",
                    "activeProviders", "count(distinct organization) filter (where kind = 'PROVIDER')"), flowViews("e_orders", "e_contracts")),

    REGISTRATIONS("registrations", """
            select b.month, %s as region, %s as district, %s as zone_type, %s as zone_name, %s as sector, %s as category,
                   %s as kind, 'REGISTERED' as fact, true as present
            from e_organizations e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends
            where e.event_type = 'OrganizationRegistered'
            union all
            select b.month, coalesce(op.region, %s), op.district, op.zone_type, op.zone_name, op.sector, op.category, %s,
                   'VERIFIED', true
            from e_organizations e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends left join org_place op on op.org_id = e.subject
            where e.event_type = 'OrganizationVerified' or (e.event_type = 'OrganizationRegistered' and %s = 'VERIFIED')"""
            .formatted(text("regionCode"), text("districtCode"), text("zoneType"), text("zoneName"), text("sectors[0]"),
                    text("serviceCategories[0]"), text("kind"), text("regionCode"), text("kind"), text("status")),
            measures(
                    "registeredEnterprises", "count(*) filter (where fact = 'REGISTERED' and kind = 'ENTERPRISE')",
                    "registeredProviders", "count(*) filter (where fact = 'REGISTERED' and kind = 'PROVIDER')",
                    "verifiedEnterprises", "count(*) filter (where fact = 'VERIFIED' and kind = 'ENTERPRISE')",
                    "verifiedProviders", "count(*) filter (where fact = 'VERIFIED' and kind = 'PROVIDER')"), flowViews("e_organizations")),

    ADOPTION("adoption", """
            with org_status as (%s),
            digital as (
                select %s as organization, e.happened_at from e_orders e where e.event_type = 'OrderPlaced' and %s = 'SERVICE'
                union all
                select %s, e.happened_at from e_contracts e where e.event_type = 'ContractSigned' and %s is not null)
            select s.month, op.region, op.district, op.zone_type, op.zone_name, op.sector, null as category,
                   exists (select 1 from digital d where d.organization = s.org_id and d.happened_at >= s.starts and d.happened_at < s.ends) as in_period,
                   exists (select 1 from digital d where d.organization = s.org_id and d.happened_at < s.ends) as to_date,
                   true as present
            from org_status s join org_place op on op.org_id = s.org_id
            where s.status = 'VERIFIED' and op.kind = 'ENTERPRISE'"""
            .formatted(LakeFigures.ORGANIZATION_STATUS, text("order.buyer.organizationId"), text("order.kind"),
                    text("contract.buyer.organizationId"), text("dateSigned")),
            measures(
                    "verifiedEnterprises", "count(present)",
                    "buyersInPeriod", "count(*) filter (where in_period)",
                    "buyersToDate", "count(*) filter (where to_date)",
                    "shareInPeriod", share("count(*) filter (where in_period)", "count(present)"),
                    "shareToDate", share("count(*) filter (where to_date)", "count(present)")), flowViews()),

    COMPETITION("competition", """
            with outcome as (
                select subject as request_id, event_type as outcome, happened_at from e_requests
                where event_type in ('RequestAwarded', 'RequestUnsuccessful', 'RequestCancelled')
                qualify row_number() over (partition by subject order by lake_seq desc) = 1),
            bid as (select e.subject as request_id, e.event_type, %s as bid_id from e_requests e
                    where e.event_type in ('BidSubmitted', 'BidWithdrawn')),
            bids as (select request_id, count(distinct bid_id) filter (where event_type = 'BidSubmitted')
                            - count(distinct bid_id) filter (where event_type = 'BidWithdrawn') as bids
                     from bid group by request_id)
            select b.month, op.region, op.district, op.zone_type, op.zone_name, op.sector, p.category, o.outcome,
                   coalesce(n.bids, 0) as bids, true as present
            from outcome o join request_published p on p.request_id = o.request_id
            join {buckets} b on o.happened_at >= b.starts and o.happened_at < b.ends
            left join org_place op on op.org_id = p.buyer_id
            left join bids n on n.request_id = o.request_id"""
            .formatted(text("bidId")),
            measures(
                    "requests", "count(present)",
                    "bidsMean", ratio("sum(bids)", "count(present)", 2),
                    "bidsMedian", "cast(median(bids) as decimal(12, 1))",
                    "singleBidShare", share("count(*) filter (where bids = 1)", "count(present)"),
                    "unsuccessfulOrCancelledShare", share("count(*) filter (where outcome <> 'RequestAwarded')", "count(present)")), flowViews(),
            // A request counts by its last outcome, one after the period included (an award declined later moves it out).
            flowViews("e_requests")),

    SPEED("speed", """
            with award as (
                select subject as request_id, happened_at from e_requests where event_type = 'RequestAwarded'
                qualify row_number() over (partition by subject order by lake_seq) = 1)
            select b.month, op.region, op.district, op.zone_type, op.zone_name, op.sector, p.category,
                   epoch(a.happened_at - p.deadline) / 3600 as hours, true as present
            from award a join request_published p on p.request_id = a.request_id
            join {buckets} b on a.happened_at >= b.starts and a.happened_at < b.ends
            left join org_place op on op.org_id = p.buyer_id""",
            measures(
                    "awards", "count(present)",
                    "medianHours", "cast(median(hours) as decimal(12, 2))",
                    "p90Hours", "cast(quantile_cont(hours, 0.9) as decimal(12, 2))"), flowViews()),

    EXECUTION("execution", """
            select b.month, %s, null as sector, %s as category, e.event_type as fact, %s as contract_id, null as outcome,
                   case e.event_type when 'ContractCreated' then %s when 'MilestoneAccepted' then %s
                                     when 'PaymentRecorded' then %s end as uzs, true as present
            from e_contracts e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends
            where e.event_type in ('ContractCreated', 'MilestoneAccepted', 'PaymentRecorded', 'ContractCompleted',
                                   'ContractTerminated', 'MilestoneOverdue')
            union all
            select b.month, %s, %s, %s, e.event_type, null, %s, null, true
            from e_disputes e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends
            where e.event_type in ('DisputeOpened', 'DisputeSettled', 'DisputeResolved')"""
            .formatted(party("contract.buyer"), text("contract.category"), text("contract.contractId"), uzs("contract.valueUzs"),
                    uzs("acceptedAmountUzs"), uzs("amountUzs"), party("dispute.buyer"), text("dispute.sector"),
                    text("dispute.category"), text("outcome")),
            measures(
                    "awardedUzs", sum("fact = 'ContractCreated'"),
                    "acceptedUzs", sum("fact = 'MilestoneAccepted'"),
                    "paidUzs", sum("fact = 'PaymentRecorded'"),
                    "contractsCompleted", "count(*) filter (where fact = 'ContractCompleted')",
                    "contractsTerminated", "count(*) filter (where fact = 'ContractTerminated')",
                    "contractsOverdue", "count(distinct contract_id) filter (where fact = 'MilestoneOverdue')",
                    "milestonesMet", "count(*) filter (where fact = 'MilestoneAccepted')",
                    "milestonesOverdue", "count(*) filter (where fact = 'MilestoneOverdue')",
                    "disputesOpened", "count(*) filter (where fact = 'DisputeOpened')",
                    "disputesSettledByParties", "count(*) filter (where fact = 'DisputeSettled')",
                    "disputesDecidedByAdministration", "count(*) filter (where fact = 'DisputeResolved')",
                    "disputesAccepted", "count(*) filter (where outcome = 'ACCEPT')",
                    "disputesPartiallyAccepted", "count(*) filter (where outcome = 'PARTIAL_AMOUNT')",
                    "disputesRedone", "count(*) filter (where outcome = 'REDO')",
                    "disputesCancelled", "count(*) filter (where outcome = 'CANCEL')"), flowViews("e_contracts", "e_disputes")),

    SUPPLY("supply", """
            with org_status as (%1$s),
            product as (
                select b.month, e.subject, arg_max_null(e.event_type, e.lake_seq) as last_type, arg_max_null(e.region, e.lake_seq) as region,
                       arg_max_null(e.sector, e.lake_seq) as sector, arg_max_null(e.owner, e.lake_seq) as owner
                from (select subject, event_type, lake_seq, happened_at, %2$s as region, %3$s as sector, %4$s as owner from e_products e) e
                join {buckets} b on e.happened_at < b.ends group by b.month, e.subject),
            offer as (
                select b.month, e.subject, arg_max_null(e.event_type, e.lake_seq) as last_type, arg_max_null(e.category, e.lake_seq) as category,
                       arg_max_null(e.owner, e.lake_seq) as owner
                from (select subject, event_type, lake_seq, happened_at, %5$s as category, %6$s as owner from e_offers e) e
                join {buckets} b on e.happened_at < b.ends group by b.month, e.subject)
            select l.month, coalesce(op.region, l.region) as region, op.district, op.zone_type, op.zone_name, l.sector,
                   null as category, 'PRODUCT' as kind, true as present
            from product l left join org_place op on op.org_id = l.owner
            left join org_status s on s.month = l.month and s.org_id = l.owner
            where l.last_type <> 'ProductWithdrawn' and coalesce(s.status, 'VERIFIED') = 'VERIFIED'
            union all
            select l.month, op.region, op.district, op.zone_type, op.zone_name, null, l.category, 'OFFER', true
            from offer l left join org_place op on op.org_id = l.owner
            where l.last_type <> 'OfferWithdrawn'"""
            .formatted(LakeFigures.ORGANIZATION_STATUS, text("regionCode"), text("sector"), text("enterpriseId"),
                    text("category"), text("providerId")),
            measures(
                    "products", "count(*) filter (where kind = 'PRODUCT')",
                    "offers", "count(*) filter (where kind = 'OFFER')"), flowViews()),

    /*
     * Integrity's red flags (docs/red-flags.md) in the region whose administration decides them (the
     * buyer's): raised, decided and retracted in the period. A flag that compares bid prices is raised
     * only once those prices are public, so counting its events reveals nothing sealed.
     */
    RED_FLAGS("red-flags", """
            select b.month, %s as region, null as district, null as zone_type, null as zone_name, null as sector,
                   null as category, e.event_type as fact, %s as status, %s as request_id, %s as contract_id, true as present
            from e_red_flags e join {buckets} b on e.happened_at >= b.starts and e.happened_at < b.ends
            where e.event_type in ('RedFlagRaised', 'RedFlagDecided', 'RedFlagRetracted')"""
            .formatted(text("regionCode"), text("status"), text("requestId"), text("contractId")),
            measures(
                    "flagsRaised", "count(*) filter (where fact = 'RedFlagRaised')",
                    "flagsConfirmed", "count(*) filter (where fact = 'RedFlagDecided' and status = 'CONFIRMED')",
                    "flagsDismissed", "count(*) filter (where fact = 'RedFlagDecided' and status = 'DISMISSED')",
                    "flagsRetracted", "count(*) filter (where fact = 'RedFlagRetracted')",
                    "requestsFlagged", "count(distinct request_id) filter (where fact = 'RedFlagRaised')",
                    "contractsFlagged", "count(distinct contract_id) filter (where fact = 'RedFlagRaised')"), flowViews("e_red_flags"));

    /** The name in the API ({@code /figures/{name}}). */
    private final String name;
    /** The facts: month, region, district, zone_type, zone_name, sector, category, then the figure's own columns. */
    private final String facts;
    /** Each measure's name in the API and its aggregate over the facts, in order. */
    private final Map<String, String> measures;

    /**
     * The views this figure reads only for events of its period (flows); the others it reads from
     * the start (stock, or what happened before a counted event, such as a request's bids).
     */
    private final Set<String> flows;
    /** The views this figure reads to the lake's end, past its period (all others end with the period). */
    private final Set<String> beyondPeriod;

    Figure(String name, String facts, Map<String, String> measures, Set<String> flows) {
        this(name, facts, measures, flows, Set.of());
    }

    Figure(String name, String facts, Map<String, String> measures, Set<String> flows, Set<String> beyondPeriod) {
        this.name = name;
        this.facts = facts;
        this.measures = measures;
        this.flows = flows;
        this.beyondPeriod = beyondPeriod;
    }

    Set<String> flows() {
        return flows;
    }

    Set<String> beyondPeriod() {
        return beyondPeriod;
    }

    public String apiName() {
        return name;
    }

    /** The facts' query over {@code buckets} (a table of month, starts, ends). */
    String facts(String buckets) {
        return facts.replace("{buckets}", buckets);
    }

    public Map<String, String> measures() {
        return measures;
    }

    public static Optional<Figure> named(String name) {
        return Arrays.stream(values()).filter(figure -> figure.name.equals(name)).findFirst();
    }

    // --- the facts' vocabulary

    /** A text field of the event's payload by JSON path. */
    private static String text(String path) {
        return text("e", path);
    }

    private static String text(String alias, String path) {
        return "json_extract_string(" + alias + ".payload, '$." + path + "')";
    }

    /**
     * An amount of the payload in so'm, exact: the JSON number's digits read as a decimal with two
     * places (DuckDB's JSON reader keeps 15 significant digits exactly: amounts below 10^13 so'm).
     */
    private static String uzs(String path) {
        return "cast(" + text(path) + " as decimal(38, 2))";
    }

    /** The place of an {@code OrderParty} at {@code path}: region, district, zone type, zone name. */
    private static String party(String path) {
        return text(path + ".regionCode") + " as region, " + text(path + ".districtCode") + " as district, "
                + text(path + ".zoneType") + " as zone_type, " + text(path + ".zoneName") + " as zone_name";
    }

    private static String sum(String condition) {
        return "coalesce(sum(uzs) filter (where " + condition + "), 0::decimal(38, 2))";
    }

    /** {@code part / whole} to four places, rounded half up, as an exact decimal (DuckDB divides decimals in floating point). */
    private static String share(String part, String whole) {
        return ratio(part, whole, 4);
    }

    private static String ratio(String part, String whole, int places) {
        long scale = (long) Math.pow(10, places);
        return "case when (" + whole + ") = 0 then null else cast(((" + part + ") * " + 2 * scale + " + (" + whole + ")) // (2 * ("
                + whole + ")) as decimal(38, 0)) * cast(" + BigDecimal.ONE.movePointLeft(places).toPlainString() + " as decimal(" + (places + 1) + ", " + places + ")) end";
    }

    private static Set<String> flowViews(String... views) {
        return Set.of(views);
    }

    private static Map<String, String> measures(String... nameThenAggregate) {
        Map<String, String> measures = new LinkedHashMap<>();
        for (int i = 0; i < nameThenAggregate.length; i += 2) {
            measures.put(nameThenAggregate[i], nameThenAggregate[i + 1]);
        }
        return measures;
    }
}
