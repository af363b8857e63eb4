package uz.aqlli.catalog.service;

import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The public product search, as SQL over one JDBC connection: the catalog service runs it inside
 * its transaction, and the benchmark (deploy/bench) runs the very same statements to measure what
 * the HTTP path adds. No framework here, on purpose.
 *
 * <p>How a search goes (migration V5; docs/decisions.md, "Product search at scale"):
 * <ol>
 *   <li>The query's words are folded by the database's {@code aqlli_fold} (so Latin, Cyrillic and
 *       Russian meet), and a word that no catalogue word starts with is searched as itself or its
 *       nearest dictionary words ({@code search_word}, pg_trgm).</li>
 *   <li>The matches are counted, by facet, in the fixed 1 % sample. Fewer than {@value #EXACT_BELOW}
 *       there, and they are counted again in the whole catalogue (exact); otherwise the sample's
 *       counts, scaled up, are the answer, and the result says they are estimates.</li>
 *   <li>The page: by relevance, products with every word in the name come first, then the rest,
 *       newest first within each tier; or by price or newest. A small set of matches is collected
 *       and sorted; a large one is read in the order of an index until the page is full, which costs
 *       little exactly because so many rows match.</li>
 * </ol>
 */
public final class ProductFinder {

    /** One product in this many is in the sample (migration V5's {@code in_sample}). */
    public static final int SAMPLE_EVERY = 100;
    /** Sampled matches below this (about 5,000 in the catalogue) are counted exactly. */
    static final int EXACT_BELOW = 50;
    /** Facets' price bands in so'm: lower bounds, each up to the next. */
    static final List<BigDecimal> PRICE_BANDS = List.of(BigDecimal.ZERO, new BigDecimal("1000000"), new BigDecimal("10000000"),
            new BigDecimal("100000000"), new BigDecimal("1000000000"));
    static final List<String> FACETS = List.of("region", "zoneType", "cluster", "sector", "exportReady", "price");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;
    /** A mistyped word is searched as itself or up to this many dictionary words alike. */
    private static final int CORRECTIONS = 3;
    /** A word that starts more catalogue words than this is searched as a prefix. */
    private static final int EXPANSIONS = 16;
    /** Shorter words are too short to tell a typo from another word. */
    private static final int CORRECTABLE_FROM = 4;

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

    /**
     * One page's product ids in order, how many match, and each facet value's count within them;
     * {@code exact} false when the counts are estimated from the sample (rounded to its scale).
     */
    public record Found(List<UUID> ids, long total, boolean exact, Map<String, List<Facet>> facets) {
    }

    public Found find(Connection db, Filter filter, Sort sort, int page, int size) throws SQLException {
        Query query = query(db, filter.text());
        String words = words(db, query.words());
        String terms = terms(filter, words);
        Sql where = where(filter, "p.search_document", terms);
        String named = words.isEmpty() ? "" : terms;
        Counts sampled = count(db, where, named, true);
        boolean exact = sampled.matches() < EXACT_BELOW;
        Counts counts = exact ? count(db, where, named, false) : sampled.scaled(SAMPLE_EVERY);
        long offset = (long) page * size;
        List<UUID> ids;
        if (!words.isEmpty() && sort == Sort.RELEVANCE) {
            // Tier one: every word in the name. Tier two: the other matches (a word only in the description).
            Sql inName = where(filter, "p.name_document", terms);
            ids = page(db, inName, "p.published_at desc, p.id", size, offset, walk(counts.inName(), offset + size, query.catalogue()));
            if (ids.size() < size) {
                long tierOne = exact ? counts.inName() : !ids.isEmpty() || offset == 0 ? offset + ids.size() : countAll(db, inName);
                Sql others = where.copy().append(" and not (p.name_document @@ ?::tsquery)", terms);
                long from = Math.max(0, offset - tierOne);
                ids.addAll(page(db, others, "p.published_at desc, p.id", size - ids.size(), from,
                        walk(counts.matches() - counts.inName(), from + size, query.catalogue())));
            }
        } else {
            ids = page(db, where, order(sort), size, offset, walk(counts.matches(), offset + size, query.catalogue()));
        }
        return new Found(ids, counts.matches(), exact, counts.facets());
    }

    /**
     * Whether to read a page by walking an ordered index rather than collecting and sorting every
     * match: the walk reads about {@code rows × catalogue / matches} products, the collection all
     * {@code matches}; the walk is chosen only when ten times cheaper, because where matches
     * cluster in the index's order (all the newest products of one kind) it reads more.
     */
    static boolean walk(long matches, long rows, long catalogue) {
        return matches >= (long) EXACT_BELOW * SAMPLE_EVERY && (double) matches * matches > 10.0 * rows * catalogue;
    }

    /** The query text folded, and the catalogue's size as the planner knows it. */
    private record Query(List<String> words, long catalogue) {
    }

    private static Query query(Connection db, String text) throws SQLException {
        // Each statement planned for its own values: the JDBC driver prepares repeated statements on
        // the server, and a generic plan cannot know how many products a word matches.
        try (PreparedStatement statement = db.prepareStatement("""
                select set_config('plan_cache_mode', 'force_custom_plan', true), aqlli_fold(?),
                       (select greatest(reltuples, 0)::bigint from pg_class where oid = 'product'::regclass)""")) {
            statement.setString(1, text);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Set<String> words = new LinkedHashSet<>();
                String folded = row.getString(2);
                if (folded != null) {
                    var matcher = WORD.matcher(folded.toLowerCase(Locale.ROOT));
                    while (matcher.find() && words.size() < MAX_WORDS) {
                        words.add(matcher.group());
                    }
                }
                return new Query(List.copyOf(words), row.getLong(3));
            }
        }
    }

    /**
     * The folded words as a tsquery, every word required. Each word stands for the catalogue's words
     * that start with it, spelled out from the dictionary ({@code 'ip' | 'ipak' | 'ipi'}): exact
     * index entries, which GIN intersects cheaply, where a prefix match ({@code 'ip':*}) would first
     * collect every product of every such word. A word that starts too many is left a prefix. A word
     * the catalogue does not know, long enough to be a typo, stands for its nearest dictionary words.
     */
    String words(Connection db, List<String> words) throws SQLException {
        if (words.isEmpty()) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        // Starting: a range over the primary key (code-point order). Alike, only for an unknown word:
        // pg_trgm's similarity above its threshold (0.3 by default), nearest first, by the GiST index.
        try (PreparedStatement lookup = db.prepareStatement("""
                select q.word, s.starting,
                       case when cardinality(s.starting) = 0 then
                           array (select w.word from search_word w where w.word % q.word order by w.word <-> q.word, w.word limit ?)
                       end as alike
                from unnest(?::text[]) with ordinality q(word, n),
                     lateral (select array (select w.word from search_word w where w.word >= q.word and w.word < q.word || chr(1114111)
                                            order by w.word limit ?) as starting) s
                order by q.n""")) {
            lookup.setInt(1, CORRECTIONS);
            lookup.setArray(2, db.createArrayOf("text", words.toArray()));
            lookup.setInt(3, EXPANSIONS + 1);
            try (ResultSet rows = lookup.executeQuery()) {
                while (rows.next()) {
                    String word = rows.getString(1);
                    List<String> starting = List.of((String[]) rows.getArray(2).getArray());
                    List<String> alike = rows.getArray(3) == null ? List.of() : List.of((String[]) rows.getArray(3).getArray());
                    if (starting.size() > EXPANSIONS) {
                        terms.add(lexeme(word) + ":*");
                    } else if (!starting.isEmpty()) {
                        Set<String> forms = new LinkedHashSet<>();
                        forms.add(word); // the dictionary leaves out words under three letters
                        forms.addAll(starting);
                        terms.add(any(forms));
                    } else if (word.length() >= CORRECTABLE_FROM && !alike.isEmpty() && word.chars().anyMatch(Character::isLetter)) {
                        terms.add(any(alike));
                    } else {
                        terms.add(lexeme(word) + ":*");
                    }
                }
            }
        }
        return String.join(" & ", terms);
    }

    private static String any(java.util.Collection<String> words) {
        return words.size() == 1 ? lexeme(words.iterator().next())
                : "(" + String.join(" | ", words.stream().map(ProductFinder::lexeme).toList()) + ")";
    }

    /**
     * The words and the facet filters as one tsquery. The facet terms (migration V5) say {@code @r}
     * region, {@code @t} zone type, {@code @z} zone name, {@code @s} sector, {@code @e} export-ready:
     * one GIN scan intersects them with the words.
     */
    static String terms(Filter filter, String words) {
        List<String> terms = new ArrayList<>();
        if (!words.isEmpty()) {
            terms.add(words);
        }
        if (filter.regionCode() != null) {
            terms.add(lexeme("@r" + filter.regionCode()));
        }
        if (filter.zoneType() != null) {
            terms.add(lexeme("@t" + filter.zoneType().name()));
        }
        if (filter.cluster() != null) {
            terms.add(lexeme("@z" + filter.cluster()));
        }
        if (filter.sector() != null) {
            terms.add(lexeme("@s" + filter.sector().name()));
        }
        if (filter.exportReady() != null) {
            terms.add(lexeme("@e" + filter.exportReady()));
        }
        return String.join(" & ", terms);
    }

    /** Published products of {@code product p} whose {@code document} (the whole text, or the name) matches. */
    static Sql where(Filter filter, String document, String terms) {
        Sql where = new Sql("p.status = 'PUBLISHED'");
        if (!terms.isEmpty()) {
            where.append(" and " + document + " @@ ?::tsquery", terms);
        }
        if (filter.minPrice() != null) {
            where.append(" and p.price_uzs >= ?", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.append(" and p.price_uzs <= ?", filter.maxPrice());
        }
        return where;
    }

    /** A tsquery lexeme taken as it is: quoted, with quotes and backslashes doubled as tsquery input wants. */
    static String lexeme(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String order(Sort sort) {
        return switch (sort) {
            case PRICE_ASC -> "p.price_uzs, p.id";
            // Both descending: the price index read backwards, no sort within a price.
            case PRICE_DESC -> "p.price_uzs desc, p.id desc";
            case RELEVANCE, NEWEST -> "p.published_at desc, p.id";
        };
    }

    /**
     * One page of ids: either by {@code walk}ing an ordered index until the page is full, or by
     * collecting every match first (bitmap scans) and sorting them, so that a selective filter never
     * walks an index its matches are thinly spread over.
     */
    private static List<UUID> page(Connection db, Sql where, String order, int limit, long offset, boolean walk) throws SQLException {
        Sql page = walk
                ? new Sql("select p.id from product p where ").append(where)
                        .append(" order by " + order + " limit ? offset ?", limit, offset)
                : new Sql("with p as materialized (select p.id, p.published_at, p.price_uzs from product p where ").append(where)
                        .append(") select p.id from p order by " + order + " limit ? offset ?", limit, offset);
        List<UUID> ids = new ArrayList<>();
        if (walk) {
            // The planner multiplies the selectivities of conditions that go together (a word in the
            // name is a word in the text) and may think many matches few; the sample has counted them.
            bitmapScans(db, false);
        }
        try (PreparedStatement statement = page.prepare(db); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        } finally {
            if (walk) {
                bitmapScans(db, true);
            }
        }
        return ids;
    }

    /** Off for this transaction, or back to what the server is configured with (not simply "on"). */
    private static void bitmapScans(Connection db, boolean configured) throws SQLException {
        try (var set = db.createStatement()) {
            set.execute(configured ? "set local enable_bitmapscan to default" : "set local enable_bitmapscan = off");
        }
    }

    private static long countAll(Connection db, Sql where) throws SQLException {
        try (PreparedStatement statement = new Sql("select count(*) from product p where ").append(where).prepare(db);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Matches by every facet value at once (one group per combination, added up here), in the sample
     * or all; and how many of them have every word in the name ({@code named}: the terms, or empty).
     */
    private static Counts count(Connection db, Sql where, String named, boolean sample) throws SQLException {
        Sql count = new Sql("select p.region_code, p.zone_type, p.zone_name, p.sector, p.export_ready, " + band() + ", count(*), ");
        if (named.isEmpty()) {
            count.append("0");
        } else {
            count.append("count(*) filter (where p.name_document @@ ?::tsquery)", named);
        }
        count.append(" from product p where ").append(where).append(sample ? " and p.in_sample" : "").append(" group by 1, 2, 3, 4, 5, 6");
        long matches = 0;
        long inName = 0;
        Map<String, Map<String, Long>> byFacet = new LinkedHashMap<>();
        FACETS.forEach(facet -> byFacet.put(facet, new LinkedHashMap<>()));
        try (PreparedStatement statement = count.prepare(db); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long n = rows.getLong(7);
                matches += n;
                inName += rows.getLong(8);
                for (int column = 1; column <= 6; column++) {
                    String value = switch (column) {
                        case 5 -> String.valueOf(rows.getBoolean(5)); // the driver's text of a boolean is "t"
                        case 6 -> bandLabel(rows.getInt(6));
                        default -> rows.getString(column);
                    };
                    if (value != null) {
                        byFacet.get(FACETS.get(column - 1)).merge(value, n, Long::sum);
                    }
                }
            }
        }
        return new Counts(matches, inName, byFacet);
    }

    private static String band() {
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

    private record Counts(long matches, long inName, Map<String, Map<String, Long>> byFacet) {

        Counts scaled(int factor) {
            Map<String, Map<String, Long>> scaled = new LinkedHashMap<>();
            byFacet.forEach((facet, values) -> {
                Map<String, Long> each = new LinkedHashMap<>();
                values.forEach((value, n) -> each.put(value, n * factor));
                scaled.put(facet, each);
            });
            return new Counts(matches * factor, inName * factor, scaled);
        }

        /** Largest first, then by value, so that equal counts keep one order. */
        Map<String, List<Facet>> facets() {
            Map<String, List<Facet>> facets = new LinkedHashMap<>();
            byFacet.forEach((facet, values) -> facets.put(facet, values.entrySet().stream()
                    .map(value -> new Facet(value.getKey(), value.getValue()))
                    .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()))
                    .toList()));
            return facets;
        }
    }

    /** SQL text with its positional parameters, built together so that they never disagree. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> parameters = new ArrayList<>();

        Sql(String text) {
            this.text = new StringBuilder(text);
        }

        Sql append(String sql, Object... values) {
            text.append(sql);
            parameters.addAll(Arrays.asList(values));
            return this;
        }

        Sql append(Sql other) {
            text.append(other.text);
            parameters.addAll(other.parameters);
            return this;
        }

        Sql copy() {
            return new Sql("").append(this);
        }

        PreparedStatement prepare(Connection db) throws SQLException {
            PreparedStatement statement = db.prepareStatement(text.toString());
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }
}
