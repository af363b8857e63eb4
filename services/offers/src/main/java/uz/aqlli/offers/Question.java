package uz.aqlli.offers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A provider's question on an open request and the buyer's answer; public, but never who asked. */
@Entity
@Table(name = "request_question")
public class Question {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "asked_by", nullable = false)
    private UUID askedBy;

    @Column(nullable = false)
    private String question;

    private String answer;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    /** Two answers racing for one question: the second to write loses, so only one answer and one event commit. */
    @Version
    private long version;

    protected Question() {
    }

    public Question(UUID id, UUID requestId, UUID askedBy, String question, Instant askedAt) {
        this.id = id;
        this.requestId = requestId;
        this.askedBy = askedBy;
        this.question = question;
        this.askedAt = askedAt;
    }

    public void answer(String text, Instant now) {
        answer = text;
        answeredAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
