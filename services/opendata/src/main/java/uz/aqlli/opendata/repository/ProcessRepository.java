package uz.aqlli.opendata.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.opendata.ContractingProcess;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The contracting processes and their releases. */
@ApplicationScoped
public class ProcessRepository {

    /** The advisory lock key that orders publication (ASCII "ocdspub"); nothing else in this database takes it. */
    static final long PUBLICATION_ORDER_LOCK = 0x6f636473707562L;

    private final EntityManager entityManager;
    private final ObjectMapper json;

    ProcessRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The process, locked for this transaction; made (empty) on its first event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredProcess lock(String ocid, UUID requestId) {
        entityManager.createNativeQuery("""
                        insert into contracting_process (ocid, request_id, state, sealed) values (:ocid, :request, '{}', '{}')
                        on conflict (ocid) do nothing""")
                .setParameter("ocid", ocid).setParameter("request", requestId).executeUpdate();
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select cast(state as text), cast(sealed as text), cast(compiled_release as text), last_release_id,
                               last_release_date
                        from contracting_process where ocid = :ocid for update""")
                .setParameter("ocid", ocid).getSingleResult();
        ContractingProcess process = new ContractingProcess(object((String) row[0]), object((String) row[1]));
        return new StoredProcess(ocid, process, row[2] == null ? null : object((String) row[2]), (String) row[3], instant(row[4]));
    }

    /** Keeps what a change made of the process (a change without a release changes only what is sealed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(StoredProcess stored) {
        entityManager.createNativeQuery("""
                        update contracting_process set state = cast(:state as jsonb), sealed = cast(:sealed as jsonb),
                            compiled_release = cast(:compiled as jsonb), last_release_id = :releaseId,
                            last_release_seq = (select sequence_no from ocds_release where release_id = :releaseId),
                            last_release_date = :releaseDate, updated_at = now()
                        where ocid = :ocid""")
                .setParameter("state", text(stored.process().state()))
                .setParameter("sealed", text(stored.process().sealed()))
                .setParameter("compiled", stored.compiled() == null ? null : text(stored.compiled()))
                .setParameter("releaseId", stored.lastReleaseId())
                .setParameter("releaseDate", stored.lastReleaseDate() == null ? null
                        : OffsetDateTime.ofInstant(stored.lastReleaseDate(), ZoneOffset.UTC))
                .setParameter("ocid", stored.ocid())
                .executeUpdate();
    }

    /**
     * Stores a release; false when its id is taken (the same event again), and nothing changed.
     *
     * <p>Its publication number is drawn under a transaction-wide advisory lock, held until commit: the
     * next writer draws its number only once this one has committed (or rolled back), so numbers become
     * visible in the order they were drawn. Without it, two writers could draw 5 and 6 and commit 6
     * first; a harvester reading then would keep 6 as its cursor and never see 5. {@code published_at}
     * is taken under the same lock, so it follows the numbers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean publish(String ocid, ObjectNode release) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", PUBLICATION_ORDER_LOCK)
                .getSingleResult();
        return entityManager.createNativeQuery("""
                        insert into ocds_release (release_id, ocid, release_date, published_at, body)
                        values (:id, :ocid, :date, clock_timestamp(), cast(:body as jsonb))
                        on conflict (release_id) do nothing""")
                .setParameter("id", release.get("id").asText())
                .setParameter("ocid", ocid)
                .setParameter("date", OffsetDateTime.parse(release.get("date").asText()))
                .setParameter("body", text(release))
                .executeUpdate() == 1;
    }

    /** The process's releases in publication order, and its compiled release; empty for an ocid with no release. */
    public Optional<PublishedProcess> published(String ocid) {
        // The compiled release and the release it was compiled up to, read together; then the releases up to
        // that one: a release written in between is in neither, so the record is always consistent.
        List<?> compiled = entityManager.createNativeQuery("""
                        select cast(p.compiled_release as text), l.sequence_no from contracting_process p
                        join ocds_release l on l.release_id = p.last_release_id
                        where p.ocid = :ocid and p.compiled_release is not null""")
                .setParameter("ocid", ocid).getResultList();
        if (compiled.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) compiled.get(0);
        List<PageEntry> releases = entries(entityManager.createNativeQuery("""
                        select sequence_no, published_at, cast(body as text) from ocds_release
                        where ocid = :ocid and sequence_no <= :last order by sequence_no""")
                .setParameter("ocid", ocid).setParameter("last", ((Number) row[1]).longValue()).getResultList());
        return Optional.of(new PublishedProcess(object((String) row[0]), releases));
    }

    /** Up to {@code limit} releases published at or after {@code since} (if given) and after {@code after} (a sequence number). */
    public List<PageEntry> page(Instant since, long after, int limit) {
        var query = entityManager.createNativeQuery("select sequence_no, published_at, cast(body as text) from ocds_release"
                        + " where sequence_no > :after" + (since == null ? "" : " and published_at >= :since")
                        + " order by sequence_no limit :limit")
                .setParameter("after", after)
                .setParameter("limit", limit);
        if (since != null) {
            query.setParameter("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        return entries(query.getResultList());
    }

    /**
     * Up to {@code limit} records in the order of their newest release, those whose newest release came
     * after {@code after} (a publication number) and, if given, was published at or after {@code since}.
     * A record that changes while a harvester pages moves behind its cursor and comes again, never
     * before it: no change is missed.
     */
    public List<RecordEntry> recordPage(Instant since, long after, int limit) {
        var query = entityManager.createNativeQuery("""
                        select p.last_release_seq, l.published_at, p.ocid, cast(p.compiled_release as text)
                        from contracting_process p join ocds_release l on l.sequence_no = p.last_release_seq
                        where p.compiled_release is not null and p.last_release_seq > :after"""
                        + (since == null ? "" : " and l.published_at >= :since") + " order by p.last_release_seq limit :limit")
                .setParameter("after", after)
                .setParameter("limit", limit);
        if (since != null) {
            query.setParameter("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        List<Object[]> rows = query.getResultList().stream().map(row -> (Object[]) row).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> releases = new HashMap<>();
        Map<String, Long> upTo = new HashMap<>();
        rows.forEach(row -> upTo.put((String) row[2], ((Number) row[0]).longValue()));
        List<?> releaseRows = entityManager.createNativeQuery("""
                        select ocid, sequence_no, cast(body as text) from ocds_release
                        where ocid = any(string_to_array(:ocids, ',')) order by sequence_no""")
                .setParameter("ocids", String.join(",", upTo.keySet())).getResultList(); // an ocid has no comma: prefix, '-', a UUID
        for (Object row : releaseRows) {
            Object[] release = (Object[]) row;
            // A release written after the compiled release was read belongs to the record's next version.
            if (((Number) release[1]).longValue() <= upTo.get((String) release[0])) {
                releases.computeIfAbsent((String) release[0], ocid -> new ArrayList<>()).add((String) release[2]);
            }
        }
        return rows.stream().map(row -> new RecordEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2],
                (String) row[3], releases.getOrDefault((String) row[2], List.of()))).toList();
    }

    /** Whether any process has a record yet (a compiled release). */
    public boolean anyRecord() {
        return (Boolean) entityManager.createNativeQuery(
                "select exists (select 1 from contracting_process where compiled_release is not null)").getSingleResult();
    }

    /** When the newest release was published; null before the first. */
    public Instant lastPublished() {
        return instant(entityManager.createNativeQuery("select max(published_at) from ocds_release").getSingleResult());
    }

    private List<PageEntry> entries(List<?> rows) {
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new PageEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2]))
                .toList();
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            case java.time.ZonedDateTime zoned -> zoned.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    private ObjectNode object(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private String text(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A locked process as stored: what is public and sealed, the compiled release so far and the latest release. */
    public record StoredProcess(String ocid, ContractingProcess process, ObjectNode compiled, String lastReleaseId,
                                Instant lastReleaseDate) {

        public StoredProcess published(ObjectNode newCompiled, String releaseId, Instant releaseDate) {
            return new StoredProcess(ocid, process, newCompiled, releaseId, releaseDate);
        }
    }

    public record PublishedProcess(ObjectNode compiled, List<PageEntry> releases) {
    }

    /** One record: the publication number and time of its newest release, its releases' and compiled release's JSON. */
    public record RecordEntry(long sequence, Instant publishedAt, String ocid, String compiled, List<String> releases) {
    }

    /** One stored release: its place in publication order, when it was published, and its JSON. */
    public record PageEntry(long sequence, Instant publishedAt, String body) {
    }
}
