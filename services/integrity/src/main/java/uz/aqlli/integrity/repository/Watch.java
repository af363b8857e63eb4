package uz.aqlli.integrity.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** integrity's copies of the market: organizations, service requests with their bids, and contracts. */
@ApplicationScoped
public class Watch {

    private final Sql sql;
    private final ObjectMapper json;

    Watch(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public record Organization(UUID id, String regionCode, String phone, String email, String address) {
    }

    public record Request(UUID id, UUID buyerId, String category, List<String> regions, String criterion, Instant publishedAt,
                          Instant deadline, String publishedEventId, String status, String revealedEventId, UUID awardedBidId,
                          UUID awardedProviderId, BigDecimal awardedPriceUzs, BigDecimal budgetUzs, Boolean lowestPrice,
                          Integer bidCount, String awardReason, Instant awardedAt, String awardEventId, Instant disclosedAt,
                          String disclosedEventId) {

        public boolean awarded() {
            return "AWARDED".equals(status);
        }

        /** Whether an award made its bids public: the award standing, or one its supplier declined. */
        public boolean disclosed() {
            return disclosedAt != null;
        }
    }

    public record Bid(UUID requestId, UUID bidId, UUID providerId, BigDecimal priceUzs) {
    }

    public record Contract(UUID id, UUID requestId, UUID buyerId, UUID supplierId, String regionCode, String status,
                           BigDecimal awardedUzs, BigDecimal valueInForceUzs, LocalDate signedLastDue, LocalDate lastDue,
                           Map<Integer, LocalDate> dueDates, int amendments, List<String> amendmentEventIds) {
    }

    // Organizations

    public void organization(UUID id, String regionCode, String phone, String email, String address) {
        sql.update("""
                insert into watched_organization (id, region_code, phone, email, address) values (?, ?, ?, ?, ?)
                on conflict (id) do update set region_code = excluded.region_code, phone = excluded.phone,
                    email = excluded.email, address = excluded.address""", id, regionCode, phone, email, address);
    }

    public void organizationRegion(UUID id, String regionCode) {
        sql.update("update watched_organization set region_code = ? where id = ?", regionCode, id);
    }

    public Optional<Organization> organization(UUID id) {
        return sql.query("select * from watched_organization where id = ?", row -> new Organization(Sql.uuid(row, "id"),
                row.getString("region_code"), row.getString("phone"), row.getString("email"), row.getString("address")), id)
                .stream().findFirst();
    }

    // Requests

    public void published(UUID id, UUID buyerId, String category, List<String> regions, String criterion, Instant publishedAt,
                          Instant deadline, String eventId) {
        sql.update("""
                insert into watched_request (id, buyer_id, category, regions, criterion, published_at, deadline,
                    published_event_id, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                on conflict (id) do nothing""", id, buyerId, category, String.join(",", regions), criterion, publishedAt,
                deadline, eventId);
    }

    public void revealed(UUID requestId, String eventId, List<Bid> bids) {
        sql.update("update watched_request set status = 'EVALUATION', revealed_event_id = ? where id = ? and status = 'OPEN'",
                eventId, requestId);
        for (Bid bid : bids) {
            sql.update("""
                    insert into tender_bid (request_id, bid_id, provider_id, price_uzs) values (?, ?, ?, ?)
                    on conflict do nothing""", requestId, bid.bidId(), bid.providerId(), bid.priceUzs());
        }
    }

    public void awarded(UUID requestId, UUID bidId, UUID providerId, BigDecimal priceUzs, BigDecimal budgetUzs, boolean lowestPrice,
                        int bidCount, String reason, Instant awardedAt, String eventId) {
        sql.update("""
                update watched_request set status = 'AWARDED', awarded_bid_id = ?, awarded_provider_id = ?, awarded_price_uzs = ?,
                    budget_uzs = ?, lowest_price = ?, bid_count = ?, award_reason = ?, awarded_at = ?, award_event_id = ?,
                    disclosed_at = coalesce(disclosed_at, ?), disclosed_event_id = coalesce(disclosed_event_id, ?)
                where id = ?""", bidId, providerId, priceUzs, budgetUzs, lowestPrice, bidCount, reason, awardedAt, eventId,
                awardedAt, eventId, requestId);
    }

    /**
     * The award is void and its bid out of any later award; the request is back in the buyer's
     * evaluation. The budget and the disclosure stay: the award made them public.
     */
    public void declined(UUID requestId, UUID bidId) {
        sql.update("""
                update watched_request set status = 'EVALUATION', awarded_bid_id = null, awarded_provider_id = null,
                    awarded_price_uzs = null, lowest_price = null, bid_count = null, award_reason = null, awarded_at = null,
                    award_event_id = null
                where id = ? and awarded_bid_id = ?""", requestId, bidId);
        sql.update("update tender_bid set declined = true where request_id = ? and bid_id = ?", requestId, bidId);
    }

    public void ended(UUID requestId, String status) {
        sql.update("update watched_request set status = ? where id = ? and status <> 'AWARDED'", status, requestId);
    }

    public Optional<Request> request(UUID id) {
        return sql.query("select * from watched_request where id = ?", this::request, id).stream().findFirst();
    }

    public List<Request> awardedIn(String category) {
        return sql.query("select * from watched_request where category = ? and status = 'AWARDED'", this::request, category);
    }

    /** The awards of one buyer to one provider since {@code since}. */
    public List<Request> awardsOf(UUID buyerId, UUID providerId, Instant since) {
        return sql.query("""
                select * from watched_request where buyer_id = ? and awarded_provider_id = ? and status = 'AWARDED'
                    and awarded_at >= ? order by awarded_at""", this::request, buyerId, providerId, since);
    }

    /** The disclosed requests {@code providerId} bid on (a declined award's bid included: it was bid). */
    public List<Request> disclosedBidOnBy(UUID providerId) {
        return sql.query("""
                select r.* from watched_request r where r.disclosed_at is not null
                    and exists (select 1 from tender_bid b where b.request_id = r.id and b.provider_id = ?)""",
                this::request, providerId);
    }

    /** The bids still in the tender (not declined) of a request. */
    public List<Bid> bids(UUID requestId) {
        return sql.query("select * from tender_bid where request_id = ? and not declined order by price_uzs, bid_id",
                Watch::bid, requestId);
    }

    /** Every bid of a request as revealed, a declined award's included: what was bid, for R028 and R044. */
    public List<Bid> revealedBids(UUID requestId) {
        return sql.query("select * from tender_bid where request_id = ? order by price_uzs, bid_id", Watch::bid, requestId);
    }

    /** Every bid on the awarded requests of a category: whose bidding is public. */
    public List<Bid> awardedBidsIn(String category) {
        return sql.query("""
                select b.* from tender_bid b join watched_request r on r.id = b.request_id
                where r.category = ? and r.status = 'AWARDED' and not b.declined""", Watch::bid, category);
    }

    // Contracts

    public void contract(UUID id, UUID requestId, UUID buyerId, UUID supplierId, String regionCode, String status,
                         BigDecimal valueUzs) {
        sql.update("""
                insert into watched_contract (id, request_id, buyer_id, supplier_id, region_code, status, awarded_uzs,
                    value_in_force_uzs) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set status = excluded.status""", id, requestId, buyerId, supplierId, regionCode, status,
                valueUzs, valueUzs);
    }

    public void contractStatus(UUID id, String status) {
        sql.update("update watched_contract set status = ? where id = ?", status, id);
    }

    /** The plan proposed (before signing) or in force (after an amendment): each milestone's due date. */
    public void dueDates(UUID id, Map<Integer, LocalDate> dueDates) {
        LocalDate last = dueDates.values().stream().max(LocalDate::compareTo).orElse(null);
        sql.update("update watched_contract set due_dates = cast(? as jsonb), last_due = ? where id = ?", write(dueDates), last, id);
    }

    public void signed(UUID id) {
        sql.update("update watched_contract set status = 'ACTIVE', signed_last_due = last_due where id = ?", id);
    }

    public void amended(UUID id, BigDecimal valueInForce, String eventId) {
        sql.update("""
                update watched_contract set amendments = amendments + 1, value_in_force_uzs = coalesce(?, value_in_force_uzs),
                    amendment_event_ids = case when amendment_event_ids = '' then ? else amendment_event_ids || ',' || ? end
                where id = ?""", valueInForce, eventId, eventId, id);
    }

    public Optional<Contract> contract(UUID id) {
        return sql.query("select * from watched_contract where id = ?", row -> new Contract(Sql.uuid(row, "id"),
                Sql.uuid(row, "request_id"), Sql.uuid(row, "buyer_id"), Sql.uuid(row, "supplier_id"), row.getString("region_code"),
                row.getString("status"), row.getBigDecimal("awarded_uzs"), row.getBigDecimal("value_in_force_uzs"),
                row.getObject("signed_last_due", LocalDate.class), row.getObject("last_due", LocalDate.class),
                read(row.getString("due_dates")), row.getInt("amendments"),
                row.getString("amendment_event_ids").isEmpty() ? List.of()
                        : Arrays.asList(row.getString("amendment_event_ids").split(","))), id).stream().findFirst();
    }

    private Request request(ResultSet row) throws SQLException {
        return new Request(Sql.uuid(row, "id"), Sql.uuid(row, "buyer_id"), row.getString("category"),
                Arrays.asList(row.getString("regions").split(",")), row.getString("criterion"), Sql.instant(row, "published_at"),
                Sql.instant(row, "deadline"), row.getString("published_event_id"), row.getString("status"),
                row.getString("revealed_event_id"), Sql.uuid(row, "awarded_bid_id"), Sql.uuid(row, "awarded_provider_id"),
                row.getBigDecimal("awarded_price_uzs"), row.getBigDecimal("budget_uzs"), (Boolean) row.getObject("lowest_price"),
                (Integer) row.getObject("bid_count"), row.getString("award_reason"), Sql.instant(row, "awarded_at"),
                row.getString("award_event_id"), Sql.instant(row, "disclosed_at"), row.getString("disclosed_event_id"));
    }

    private static Bid bid(ResultSet row) throws SQLException {
        return new Bid(Sql.uuid(row, "request_id"), Sql.uuid(row, "bid_id"), Sql.uuid(row, "provider_id"),
                row.getBigDecimal("price_uzs"));
    }

    private String write(Map<Integer, LocalDate> dueDates) {
        Map<String, String> plain = new TreeMap<>();
        dueDates.forEach((number, date) -> plain.put(String.valueOf(number), date.toString()));
        try {
            return json.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Integer, LocalDate> read(String text) {
        try {
            Map<String, String> plain = json.readValue(text, new TypeReference<Map<String, String>>() { });
            Map<Integer, LocalDate> dates = new TreeMap<>();
            plain.forEach((number, date) -> dates.put(Integer.valueOf(number), LocalDate.parse(date)));
            return dates;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
