package uz.aqlli.notifications.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.notifications.Notification;
import uz.aqlli.notifications.NotificationKind;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Each user's notifications, newest first; a user reads and marks only their own. */
@ApplicationScoped
public class Feed {

    /** Any number, the same in every process: the lock that orders the feed's sequence by commit. */
    private static final long SEQUENCE_LOCK = 16_016L;
    private static final String COLUMNS = "sequence, id, recipient_user_id, kind, subject_id, link, params, created_at, read_at ";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    Feed(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Adds the notification unless this recipient already has one for {@code eventKey}; returns it
     * when added. Writers take one lock until they commit, so sequences become visible in their
     * order: the live stream, reading past the last sequence it sent, never skips one that commits late.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notification> add(String recipientUserId, NotificationKind kind, String eventKey, String subjectId, String link,
                                      Map<String, Object> params, Instant at) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", SEQUENCE_LOCK).getSingleResult();
        UUID id = UUID.randomUUID();
        int added = entityManager.createNativeQuery("""
                        insert into notification (id, recipient_user_id, kind, event_key, subject_id, link, params, created_at)
                        values (:id, :user, :kind, :key, :subject, :link, cast(:params as jsonb), :at)
                        on conflict on constraint one_notification_per_event_and_recipient do nothing""")
                .setParameter("id", id).setParameter("user", recipientUserId).setParameter("kind", kind.name())
                .setParameter("key", eventKey).setParameter("subject", subjectId).setParameter("link", link)
                .setParameter("params", write(params)).setParameter("at", at).executeUpdate();
        if (added == 0) {
            return Optional.empty();
        }
        return rows("select " + COLUMNS + " from notification where id = :p", id, 1).stream().findFirst();
    }

    public List<Notification> page(String userId, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS + """
                         from notification where recipient_user_id = :user order by sequence desc offset :offset limit :limit""")
                .setParameter("user", userId).setParameter("offset", page * size).setParameter("limit", size).getResultList();
        return rows.stream().map(this::notification).toList();
    }

    public long count(String userId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from notification where recipient_user_id = :user")
                .setParameter("user", userId).getSingleResult()).longValue();
    }

    public long unread(String userId) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from notification where recipient_user_id = :user and read_at is null")
                .setParameter("user", userId).getSingleResult()).longValue();
    }

    /** The user's notifications after {@code sequence}, oldest first: what a live stream has not sent yet. */
    public List<Notification> after(String userId, long sequence, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS + """
                         from notification where recipient_user_id = :user and sequence > :after order by sequence limit :limit""")
                .setParameter("user", userId).setParameter("after", sequence).setParameter("limit", limit).getResultList();
        return rows.stream().map(this::notification).toList();
    }

    /** The newest sequence of the user's feed (0 when empty): where a new live stream starts. */
    public long latest(String userId) {
        return ((Number) entityManager.createNativeQuery(
                        "select coalesce(max(sequence), 0) from notification where recipient_user_id = :user")
                .setParameter("user", userId).getSingleResult()).longValue();
    }

    public Optional<Notification> one(String userId, UUID id) {
        return rows("select " + COLUMNS + " from notification where id = :p", id, 1).stream()
                .filter(notification -> notification.recipientUserId().equals(userId)).findFirst();
    }

    /** Marks the user's notification read; false when the user has no such notification. */
    @Transactional
    public boolean markRead(String userId, UUID id) {
        int found = entityManager.createNativeQuery("""
                        update notification set read_at = coalesce(read_at, now()) where id = :id and recipient_user_id = :user""")
                .setParameter("id", id).setParameter("user", userId).executeUpdate();
        return found == 1;
    }

    /** Marks every notification of the user read; returns how many were unread. */
    @Transactional
    public int markAllRead(String userId) {
        return entityManager.createNativeQuery(
                        "update notification set read_at = now() where recipient_user_id = :user and read_at is null")
                .setParameter("user", userId).executeUpdate();
    }

    private List<Notification> rows(String sql, Object parameter, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter("p", parameter).setMaxResults(limit).getResultList();
        return rows.stream().map(this::notification).toList();
    }

    private Notification notification(Object[] row) {
        return new Notification(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], NotificationKind.valueOf((String) row[3]),
                (String) row[4], (String) row[5], read(row[6]), instant(row[7]), instant(row[8]));
    }

    private String write(Map<String, Object> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification parameters are not JSON: " + params, e);
        }
    }

    private Map<String, Object> read(Object params) {
        try {
            return json.readValue(params.toString(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notification parameters are not JSON", e);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
