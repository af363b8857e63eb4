package uz.aqlli.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import uz.aqlli.catalog.Product;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public product search, done by PostgreSQL: a full-text match (weighted so that the name
 * counts above the description, every word as a prefix) or, for typos, a trigram similarity of
 * the name; both over the script-folded text ({@code aqlli_fold}, migration V3), so a query in
 * Uzbek Latin finds Uzbek Cyrillic and Russian and the reverse. Facet counts come from one
 * grouping-sets query over the same filtered result.
 */
@ApplicationScoped
public class ProductSearch {

    /** Facets' price bands in so'm: lower bounds, each up to the next. */
    static final List<BigDecimal> PRICE_BANDS = List.of(BigDecimal.ZERO, new BigDecimal("1000000"), new BigDecimal("10000000"),
            new BigDecimal("100000000"), new BigDecimal("1000000000"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** How alike a name must be to a mistyped word to be found by it (pg_trgm word similarity). */
    private static final String TYPO_THRESHOLD = "0.45";
    /** Fewer exact matches than this, and the name is matched by similarity too. */
    static final int FUZZY_BELOW = 5;

    private final EntityManager entityManager;

    ProductSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public enum Sort {
        RELEVANCE,
        PRICE_ASC,
        PRICE_DESC,
        NEWEST
    }

    /** Filters; {@code null} means any. {@code cluster} is the zone's name (a cluster, technopark or zone). */
    public record Filter(String text, String regionCode, ZoneType zoneType, String cluster, Sector sector, Boolean exportReady,
                         BigDecimal minPrice, BigDecimal maxPrice) {
    }

    public record Facet(String value, long count) {
    }

    public record Result(List<Product> items, long total, Map<String, List<Facet>> facets) {
    }

    /**
     * The exact words first (every word, as a prefix); only when they find fewer than
     * {@value #FUZZY_BELOW} products is the name also matched by similarity, for typos. A common
     * word then never pays for the fuzzy match, and a mistyped one still finds its product.
     */
    @Transactional
    public Result search(Filter filter, Sort sort, int page, int size) {
        String words = words(filter.text());
        Result exact = search(filter, words, false, sort, page, size);
        if (words.isEmpty() || exact.total() >= FUZZY_BELOW) {
            return exact;
        }
        // Per transaction only: how tolerant the trigram operator <% is.
        entityManager.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', '" + TYPO_THRESHOLD + "', true)")
                .getSingleResult();
        return search(filter, words, true, sort, page, size);
    }

    private Result search(Filter filter, String words, boolean fuzzy, Sort sort, int page, int size) {
        boolean text = !words.isEmpty();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, words, fuzzy, parameters);
        // The ranking's own parameters: the page's statement takes them, the facets' does not.
        Map<String, Object> ranking = new LinkedHashMap<>();
        String order = switch (sort == Sort.RELEVANCE && !text ? Sort.NEWEST : sort) {
            case RELEVANCE -> {
                // Exact: the weighted text rank alone (cheap per row, and a broad word matches many rows).
                // Fuzzy (few rows): plus how alike the name is, so the nearest spelling comes first.
                ranking.put("rankQuery", words);
                if (!fuzzy) {
                    yield "ts_rank(p.search_document, to_tsquery('simple', :rankQuery)) desc, p.id";
                }
                ranking.put("rankText", filter.text());
                yield "ts_rank(p.search_document, to_tsquery('simple', :rankQuery))"
                        + " + word_similarity(aqlli_fold(:rankText), p.name_folded) desc, p.id";
            }
            case PRICE_ASC -> "p.price_uzs asc, p.id";
            case PRICE_DESC -> "p.price_uzs desc, p.id";
            case NEWEST -> "p.published_at desc, p.id";
        };
        Query items = entityManager.createNativeQuery("select p.* from product p where " + where + " order by " + order
                + " limit :limit offset :offset", Product.class);
        parameters.forEach(items::setParameter);
        ranking.forEach(items::setParameter);
        items.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Product> found = items.getResultList();

        Query facets = entityManager.createNativeQuery("""
                select grouping(p.region_code) = 0 as by_region, grouping(p.zone_type) = 0 as by_zone,
                       grouping(p.zone_name) = 0 as by_cluster, grouping(p.sector) = 0 as by_sector,
                       grouping(p.export_ready) = 0 as by_export, grouping(band) = 0 as by_price,
                       coalesce(p.region_code, p.zone_type, p.zone_name, p.sector, p.export_ready::text, band::text) as value,
                       count(*) as count
                from product p, lateral (select %s as band) b
                where %s
                group by grouping sets ((), (p.region_code), (p.zone_type), (p.zone_name), (p.sector), (p.export_ready), (band))
                """.formatted(bandExpression(), where));
        parameters.forEach(facets::setParameter);
        long total = 0;
        Map<String, List<Facet>> byName = new LinkedHashMap<>();
        for (String name : List.of("region", "zoneType", "cluster", "sector", "exportReady", "price")) {
            byName.put(name, new ArrayList<>());
        }
        for (Object row : facets.getResultList()) {
            Object[] columns = (Object[]) row;
            String value = columns[6] == null ? null : columns[6].toString();
            long count = ((Number) columns[7]).longValue();
            String facet = columns[0].equals(true) ? "region" : columns[1].equals(true) ? "zoneType"
                    : columns[2].equals(true) ? "cluster" : columns[3].equals(true) ? "sector"
                    : columns[4].equals(true) ? "exportReady" : columns[5].equals(true) ? "price" : null;
            if (facet == null) {
                total = count;
            } else if (value != null) {
                byName.get(facet).add(new Facet(facet.equals("price") ? bandLabel(Integer.parseInt(value)) : value, count));
            }
        }
        byName.values().forEach(list -> list.sort((a, b) -> Long.compare(b.count(), a.count()) != 0
                ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value())));
        return new Result(found, total, byName);
    }

    /** The query's words, script-folded by the database's own rule, as a prefix tsquery: {@code paxta:* & ip:*}. */
    private String words(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String folded = (String) entityManager.createNativeQuery("select aqlli_fold(:text)").setParameter("text", text).getSingleResult();
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(folded.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < 8) {
            words.add(matcher.group() + ":*");
        }
        return String.join(" & ", words);
    }

    /** The filter as SQL; every parameter it names goes into {@code parameters}, and no other. */
    private static String where(Filter filter, String tsquery, boolean fuzzy, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("p.status = 'PUBLISHED'");
        if (!tsquery.isEmpty()) {
            where.append(fuzzy ? " and (p.search_document @@ to_tsquery('simple', :tsquery) or aqlli_fold(:text) <% p.name_folded)"
                    : " and p.search_document @@ to_tsquery('simple', :tsquery)");
            parameters.put("tsquery", tsquery);
            if (fuzzy) {
                parameters.put("text", filter.text());
            }
        }
        if (filter.regionCode() != null) {
            where.append(" and p.region_code = :region");
            parameters.put("region", filter.regionCode());
        }
        if (filter.zoneType() != null) {
            where.append(" and p.zone_type = :zoneType");
            parameters.put("zoneType", filter.zoneType().name());
        }
        if (filter.cluster() != null) {
            where.append(" and p.zone_name = :cluster");
            parameters.put("cluster", filter.cluster());
        }
        if (filter.sector() != null) {
            where.append(" and p.sector = :sector");
            parameters.put("sector", filter.sector().name());
        }
        if (filter.exportReady() != null) {
            where.append(" and p.export_ready = :exportReady");
            parameters.put("exportReady", filter.exportReady());
        }
        if (filter.minPrice() != null) {
            where.append(" and p.price_uzs >= :minPrice");
            parameters.put("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.append(" and p.price_uzs <= :maxPrice");
            parameters.put("maxPrice", filter.maxPrice());
        }
        return where.toString();
    }

    private static String bandExpression() {
        StringBuilder band = new StringBuilder("case");
        for (int i = PRICE_BANDS.size() - 1; i > 0; i--) {
            band.append(" when p.price_uzs >= ").append(PRICE_BANDS.get(i).toPlainString()).append(" then ").append(i);
        }
        return band.append(" else 0 end").toString();
    }

    /** "0-1000000", …, "1000000000-": the band's bounds in so'm, upper bound exclusive. */
    static String bandLabel(int band) {
        String from = PRICE_BANDS.get(band).toPlainString();
        return band + 1 < PRICE_BANDS.size() ? from + "-" + PRICE_BANDS.get(band + 1).toPlainString() : from + "-";
    }
}
