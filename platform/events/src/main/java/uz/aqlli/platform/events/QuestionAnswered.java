package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/** The buyer answered a question on an open request; both are public, the asker is not named. */
public record QuestionAnswered(UUID requestId, UUID questionId, String question, String answer, Instant answeredAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
