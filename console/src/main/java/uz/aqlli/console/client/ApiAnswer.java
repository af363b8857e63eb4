package uz.aqlli.console.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an API answered: its JSON as maps and lists (what the templates read), or the problem. */
public record ApiAnswer(int status, Object body, ApiProblem problem) {

    public boolean ok() {
        return problem == null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list() {
        return body instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The {@code items} of a page, empty when the call failed. */
    @SuppressWarnings("unchecked")
    public List<Object> items() {
        Object items = object().get("items");
        return items instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The {@code total} of a page, when the call worked. */
    public Optional<Long> total() {
        return object().get("total") instanceof Number total ? Optional.of(total.longValue()) : Optional.empty();
    }
}
