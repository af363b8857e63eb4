package uz.aqlli.offers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.offers.Question;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class QuestionRepository implements PanacheRepositoryBase<Question, UUID> {

    public List<Question> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by askedAt, id", requestId);
    }
}
