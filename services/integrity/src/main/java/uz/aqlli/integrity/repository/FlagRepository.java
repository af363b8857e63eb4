package uz.aqlli.integrity.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.integrity.FlagCode;
import uz.aqlli.integrity.RedFlag;
import uz.aqlli.integrity.RedFlagStatus;
import uz.aqlli.integrity.service.Finding;
import uz.aqlli.platform.runtime.api.Listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The red flags: raised, retracted and reviewed ones, each row versioned for If-Match. */
@ApplicationScoped
public class FlagRepository {

    private final Sql sql;
    private final ObjectMapper json;

    FlagRepository(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** A list's filters; {@code null} is "any". {@code from}/{@code to} bound {@code raised_at}, to exclusive. */
    public record Filter(String regionCode, FlagCode code, RedFlagStatus status, UUID organizationId, Instant from, Instant to,
                         UUID requestId, UUID contractId) {
    }

    /** One count: flags of a code raised in a region in a month (Tashkent), by where they stand. */
    public record Count(String code, String regionCode, String month, long raised, long underReview, long confirmed,
                        long dismissed, long retracted) {
    }

    public void insert(UUID id, Finding finding, Instant raisedAt) {
        sql.update("""
                insert into red_flag (id, code, subject, status, region_code, request_id, contract_id, buyer_id, organization_ids,
                    evidence_event_ids, evidence_values, raised_at)
                values (?, ?, ?, 'RAISED', ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""", id, finding.code().code(), finding.subject(),
                finding.regionCode(), finding.requestId(), finding.contractId(), finding.buyerId(),
                new Sql.UuidArray(finding.organizationIds()), new Sql.TextArray(finding.eventIds()), write(finding.values()),
                raisedAt);
    }

    /** The standing (not retracted) flags of {@code codes} on {@code subject}: at most one per code. */
    public List<RedFlag> standing(String subject, List<FlagCode> codes) {
        return sql.query("select * from red_flag where subject = ? and status <> 'RETRACTED' and code = any(?)",
                this::flag, subject, new Sql.TextArray(codes.stream().map(FlagCode::code).toList()));
    }

    /** The subjects starting with {@code prefix} on which a flag of {@code code} stands. */
    public List<String> standingSubjects(FlagCode code, String prefix) {
        return sql.query("select subject from red_flag where code = ? and starts_with(subject, ?) and status <> 'RETRACTED'",
                row -> row.getString(1), code.code(), prefix);
    }

    /**
     * The current evidence of a flag still open (RAISED or UNDER_REVIEW, its review kept); false
     * when it was decided meanwhile, which this leaves as decided.
     */
    public boolean updateEvidence(UUID id, Finding finding) {
        return sql.update("""
                update red_flag set evidence_event_ids = ?, evidence_values = cast(? as jsonb), organization_ids = ?,
                    version = version + 1 where id = ? and status in ('RAISED', 'UNDER_REVIEW')""",
                new Sql.TextArray(finding.eventIds()), write(finding.values()), new Sql.UuidArray(finding.organizationIds()),
                id) == 1;
    }

    /** Retracts a flag still open, keeping its review's note and who; false when it was decided meanwhile. */
    public boolean retract(UUID id, String reason, Instant at) {
        return sql.update("""
                update red_flag set status = 'RETRACTED', retraction = ?, retracted_at = ?, version = version + 1
                where id = ? and status in ('RAISED', 'UNDER_REVIEW')""", reason, at, id) == 1;
    }

    /**
     * Records beside a decided flag what a later event found ({@code finding}, or none: its facts
     * went away); the decision, its status and evidence stay. False when the flag is not decided.
     */
    public boolean recordAfterDecision(UUID id, String eventId, String reason, Finding finding, Instant at) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("eventId", eventId);
        after.put("reason", reason);
        after.put("at", at.toString());
        after.put("holds", finding != null);
        after.put("eventIds", finding == null ? List.of() : finding.eventIds());
        after.put("values", finding == null ? Map.of() : finding.values());
        return sql.update("""
                update red_flag set after_decision = cast(? as jsonb), version = version + 1
                where id = ? and status in ('CONFIRMED', 'DISMISSED')""", write(after), id) == 1;
    }

    /** Moves a flag at {@code version} on; false when another decision came first. */
    public boolean review(UUID id, long version, String note, String by, Instant at) {
        return sql.update("""
                update red_flag set status = 'UNDER_REVIEW', review_note = ?, reviewed_by = ?, reviewed_at = ?, version = version + 1
                where id = ? and version = ? and status = 'RAISED'""", note, by, at, id, version) == 1;
    }

    public boolean decide(UUID id, long version, RedFlagStatus outcome, String note, String by, Instant at) {
        return sql.update("""
                update red_flag set status = ?, decision_note = ?, decided_by = ?, decided_at = ?, version = version + 1
                where id = ? and version = ? and status = 'UNDER_REVIEW'""", outcome.name(), note, by, at, id, version) == 1;
    }

    public Optional<RedFlag> find(UUID id) {
        return sql.query("select * from red_flag where id = ?", this::flag, id).stream().findFirst();
    }

    public Listing<RedFlag> list(Filter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        long total = sql.query("select count(*) from red_flag" + where, row -> row.getLong(1), parameters.toArray()).get(0);
        parameters.add(size);
        parameters.add((long) page * size);
        List<RedFlag> items = sql.query("select * from red_flag" + where + " order by raised_at desc, id limit ? offset ?",
                this::flag, parameters.toArray());
        return new Listing<>(items, total);
    }

    public List<Count> counts(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return sql.query("""
                select code, region_code, to_char(raised_at at time zone 'Asia/Tashkent', 'YYYY-MM') as month,
                    count(*) filter (where status = 'RAISED') as raised,
                    count(*) filter (where status = 'UNDER_REVIEW') as under_review,
                    count(*) filter (where status = 'CONFIRMED') as confirmed,
                    count(*) filter (where status = 'DISMISSED') as dismissed,
                    count(*) filter (where status = 'RETRACTED') as retracted
                from red_flag""" + where + " group by 1, 2, 3 order by 3, 1, 2",
                row -> new Count(row.getString("code"), row.getString("region_code"), row.getString("month"), row.getLong("raised"),
                        row.getLong("under_review"), row.getLong("confirmed"), row.getLong("dismissed"), row.getLong("retracted")),
                parameters.toArray());
    }

    private static String where(Filter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.regionCode() != null) {
            conditions.add("region_code = ?");
            parameters.add(filter.regionCode());
        }
        if (filter.code() != null) {
            conditions.add("code = ?");
            parameters.add(filter.code().code());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.organizationId() != null) {
            conditions.add("? = any(organization_ids)");
            parameters.add(filter.organizationId());
        }
        if (filter.from() != null) {
            conditions.add("raised_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            conditions.add("raised_at < ?");
            parameters.add(filter.to());
        }
        if (filter.requestId() != null) {
            conditions.add("request_id = ?");
            parameters.add(filter.requestId());
        }
        if (filter.contractId() != null) {
            conditions.add("contract_id = ?");
            parameters.add(filter.contractId());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private RedFlag flag(ResultSet row) throws SQLException {
        return new RedFlag(Sql.uuid(row, "id"), FlagCode.of(row.getString("code")).orElseThrow(), row.getString("subject"),
                RedFlagStatus.valueOf(row.getString("status")), row.getString("region_code"), Sql.uuid(row, "request_id"),
                Sql.uuid(row, "contract_id"), Sql.uuid(row, "buyer_id"), Sql.uuids(row, "organization_ids"),
                Sql.texts(row, "evidence_event_ids"), read(row.getString("evidence_values")), Sql.instant(row, "raised_at"),
                Sql.instant(row, "retracted_at"), row.getString("retraction"), row.getString("review_note"),
                row.getString("reviewed_by"), Sql.instant(row, "reviewed_at"), row.getString("decision_note"),
                row.getString("decided_by"), Sql.instant(row, "decided_at"), afterDecision(row.getString("after_decision")),
                row.getLong("version"));
    }

    private RedFlag.AfterDecision afterDecision(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, RedFlag.AfterDecision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Map<String, ?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
