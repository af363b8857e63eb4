package uz.aqlli.console.web;

import io.quarkus.qute.TemplateData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A list page's filters as the reader set them: sent on to the API as they are, kept in the form,
 * and turned into the links of the facets and pages (each one filter changed, the page back to 0).
 */
@TemplateData
public final class Query {

    private final String path;
    private final Map<String, String> values;

    public Query(String path, Map<String, String> values) {
        this.path = path;
        this.values = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                this.values.put(name, value.strip());
            }
        });
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean has(String name, Object value) {
        return value != null && String.valueOf(value).equals(values.get(name));
    }

    /** This page with one filter set (or, given its current value again, cleared), from the first page. */
    public String toggle(String name, Object value) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.remove("page");
        if (has(name, value)) {
            next.remove(name);
        } else {
            next.put(name, String.valueOf(value));
        }
        return link(next);
    }

    /**
     * This page with a price band of the search's facet ({@code from-to} in so'm, {@code to}
     * exclusive) as its price range, or without one when it is the band already set.
     */
    public String band(Object band) {
        String[] bounds = String.valueOf(band).split("-", -1);
        Map<String, String> next = new LinkedHashMap<>(values);
        next.remove("page");
        String min = bounds[0];
        String max = bounds.length > 1 && !bounds[1].isEmpty()
                ? new java.math.BigDecimal(bounds[1]).subtract(new java.math.BigDecimal("0.01")).toPlainString() : null;
        if (min.equals(values.get("minPrice")) && java.util.Objects.equals(max, values.get("maxPrice"))) {
            next.remove("minPrice");
            next.remove("maxPrice");
        } else {
            next.put("minPrice", min);
            if (max == null) {
                next.remove("maxPrice");
            } else {
                next.put("maxPrice", max);
            }
        }
        return link(next);
    }

    public boolean inBand(Object band) {
        String[] bounds = String.valueOf(band).split("-", -1);
        return bounds[0].equals(values.get("minPrice"));
    }

    public String page(int page) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put("page", String.valueOf(page));
        return link(next);
    }

    public String previous() {
        return page(Math.max(0, currentPage() - 1));
    }

    public String next() {
        return page(currentPage() + 1);
    }

    /** Whether a page of {@link PublicPages#PAGE_SIZE} follows this one among {@code total} results. */
    public boolean hasNext(Object total) {
        long all = total instanceof Number number ? number.longValue() : 0;
        return (long) (currentPage() + 1) * PublicPages.PAGE_SIZE < all;
    }

    public int currentPage() {
        try {
            return Math.max(0, Integer.parseInt(values.getOrDefault("page", "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String link(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&", path + "?", "");
        joined.setEmptyValue(path);
        query.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
