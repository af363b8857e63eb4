package uz.aqlli.console.web;

import io.quarkus.qute.TemplateData;
import uz.aqlli.console.client.ApiProblem;
import uz.aqlli.console.i18n.Labels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API's problem as the page shows it, in the reader's language: a message at each field it
 * names (the field's own label when the console has one, else a general one) and one for the page.
 * The API's English text, a stack trace or raw JSON never reach the page.
 */
@TemplateData
public final class Problems {

    private static final Problems NONE = new Problems(null, Map.of());

    private final String page;
    private final Map<String, String> fields;

    private Problems(String page, Map<String, String> fields) {
        this.page = page;
        this.fields = fields;
    }

    public static Problems none() {
        return NONE;
    }

    public static Problems of(ApiProblem problem, Labels t) {
        if (problem == null) {
            return NONE;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : problem.fields().keySet()) {
            fields.put(field, t.of("problem.field", field).equals(field) ? t.get("problem.field-default") : t.of("problem.field", field));
        }
        String code = problem.code();
        String page = t.of("problem", code);
        if (page.equals(code)) {
            page = problem.status() >= 500 ? t.get("problem.unavailable") : t.get("problem.other");
        }
        return new Problems(page, fields);
    }

    /** A message for the whole page alone, for the console's own failures (no API answer behind them). */
    public static Problems page(String message) {
        return new Problems(message, Map.of());
    }

    public boolean any() {
        return page != null;
    }

    public String page() {
        return page == null ? "" : page;
    }

    public boolean at(String field) {
        return fields.containsKey(field);
    }

    public String message(String field) {
        return fields.getOrDefault(field, "");
    }
}
