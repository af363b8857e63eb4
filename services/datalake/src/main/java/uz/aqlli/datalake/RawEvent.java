package uz.aqlli.datalake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.OffsetDateTime;

/** One event as the lake received it. Never changed once written (the table refuses it too). */
@Entity
@Immutable
@Table(name = "raw_event")
public class RawEvent {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int kafkaPartition;

    @Column(name = "kafka_offset", nullable = false)
    public long kafkaOffset;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String payload;

    /** False for a type (or topic) this build has no record for: kept as it came. */
    @Column(nullable = false)
    public boolean known;

    /** Why it is kept raw (known = false): the unknown type or topic, or the field that does not fit. */
    @Column(name = "raw_reason")
    public String rawReason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The chain's hash up to and including this event (docs/transparency.md); set by {@link uz.aqlli.datalake.chain.EventChain}. */
    @Column(name = "chain_hash")
    public byte[] chainHash;
}
