package uz.aqlli.platform.runtime.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Generated;

import java.time.Instant;
import java.util.UUID;

/** One event waiting in (or already sent from) a service's outbox table. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Generated
    @Column(name = "sequence_no", insertable = false, updatable = false)
    public Long sequenceNo;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    /** The payload JSON, stored as jsonb so that operators can query stuck events. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** After a failed send: not before this time, and neither are the later rows of its aggregate. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** Set when the relay gave up: the row waits for an operator, and so do its aggregate's later rows. */
    @Column(name = "parked_at")
    public Instant parkedAt;
}
