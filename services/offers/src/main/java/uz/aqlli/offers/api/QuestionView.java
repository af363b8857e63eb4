package uz.aqlli.offers.api;

import uz.aqlli.offers.Question;

import java.time.Instant;
import java.util.UUID;

/** A public question and its answer; who asked is never shown. */
public record QuestionView(UUID id, String question, String answer, Instant askedAt, Instant answeredAt) {

    static QuestionView of(Question question) {
        return new QuestionView(question.id(), question.question(), question.answer(), question.askedAt(), question.answeredAt());
    }
}
