package uz.aqlli.catalog.service;

import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * <p>How a search goes (migrations V5 and V6; docs/decisions.md, "Product search at scale"):
 * <ol>
 *   <li>The query's words are folded by the database's {@code aqlli_fold} (so Latin, Cyrillic and
 *       Russian meet), and a word that no catalogue word starts with is searched as itself or its
 *       nearest dictionary words ({@code search_word}, pg_trgm).</li>
 *   <li>The matches are counted, by facet, in the fixed 1 % sample. Fewer than {@value #EXACT_BELOW}
 *       there, and they are collected once in the whole catalogue, counted exactly and paged in one
 *       statement; otherwise the sample's counts, scaled up, are the answer, and the result says
 *       they are estimates.</li>
 *   <li>The page: by relevance, products with every word in the name come first, then the rest,
 *       newest first within each tier; or by price or newest. A small set of matches is collected
 *       and sorted; a large one is read in the order of an index until the page is full, which costs
 *       little exactly because so many rows match (with a region chosen, that region's index).
 *       The page statement reads the listed columns: nothing is read again by id.</li>
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
     * One page's products in order, how many match, and each facet value's count within them;
     * {@code exact} false when the counts are estimated from the sample (rounded to its scale).
     */
    public record Found(List<Listed> items, long total, boolean exact, Map<String, List<Facet>> facets) {

        public List<UUID> ids() {
            return items.stream().map(Listed::id).toList();
        }
    }

    /**
     * A product of the page as its row holds it: the page statement reads what the listing shows,
     * so that a search needs no second read by id. Texts by language and price tiers are the
     * columns' JSON; enumerations their names.
     */
    public record Listed(UUID id, UUID enterpriseId, String status, String nameJson, String descriptionJson, String sector,
                         String hsCode, String unit, BigDecimal priceUzs, String priceTiersJson, BigDecimal minOrderQuantity,
                         BigDecimal monthlyCapacity, int leadTimeDays, boolean exportReady, List<String> certifications,
                         String regionCode, String zoneType, String zoneName, long version, Instant createdAt, Instant updatedAt,
                         Instant publishedAt, Instant withdrawnAt, String ikpuCode) {

        static final String COLUMNS = "p.id, p.enterprise_id, p.status, p.name, p.description, p.sector, p.hs_code, p.unit, p.price_uzs, "
                + "p.price_tiers, p.min_order_quantity, p.monthly_capacity, p.lead_time_days, p.export_ready, p.certifications, "
                + "p.region_code, p.zone_type, p.zone_name, p.version, p.created_at, p.updated_at, p.published_at, p.withdrawn_at, p.ikpu_code";

        /** {@link #COLUMNS} with every column but the facets' (sector, export_ready, region_code, zone_type, zone_name) null. */
        static final String FACETS_ONLY = Arrays.stream(COLUMNS.split(", "))
                .map(column -> Set.of("p.sector", "p.export_ready", "p.region_code", "p.zone_type", "p.zone_name").contains(column)
                        ? column : "null")
                .collect(java.util.stream.Collectors.joining(", "));

        /** Where {@code column} ("p.region_code") stands in {@link #COLUMNS}, from 1. */
        static int position(String column) {
            int at = List.of(COLUMNS.split(", ")).indexOf(column);
            if (at < 0) {
                throw new IllegalArgumentException(column + " is not a listed column");
            }
            return at + 1;
        }

        /** The row's {@link #COLUMNS}, the first of them at {@code first}. */
        static Listed read(ResultSet row, int first) throws SQLException {
            int c = first - 1;
            return new Listed(row.getObject(c + 1, UUID.class), row.getObject(c + 2, UUID.class), row.getString(c + 3),
                    row.getString(c + 4), row.getString(c + 5), row.getString(c + 6), row.getString(c + 7), row.getString(c + 8),
                    row.getBigDecimal(c + 9), row.getString(c + 10), row.getBigDecimal(c + 11), row.getBigDecimal(c + 12),
                    row.getInt(c + 13), row.getBoolean(c + 14), List.of((String[]) row.getArray(c + 15).getArray()),
                    row.getString(c + 16), row.getString(c + 17), row.getString(c + 18), row.getLong(c + 19), instant(row, c + 20),
                    instant(row, c + 21), instant(row, c + 22), instant(row, c + 23), row.getString(c + 24));
        }

        private static Instant instant(ResultSet row, int column) throws SQLException {
            OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }
    }

    public Found find(Connection db, Filter filter, Sort sort, int page, int size) throws SQLException {
        Query query = query(db, filter.text());
        String words = words(db, query.words());
        String terms = terms(filter, words);
        Sql where = where(filter, "p.search_document", terms);
        String named = words.isEmpty() ? "" : terms;
        // Relevance with words: every word in the name first (tier one), then the rest; newest first in each.
        boolean tiered = !words.isEmpty() && sort == Sort.RELEVANCE;
        long offset = (long) page * size;
        Counts sampled = sample(db, filter, where, named);
        if (sampled.matches() < EXACT_BELOW) {
            return exactly(db, where, named, tiered ? "p.named desc, " + order(Sort.NEWEST) : order(sort), size, offset);
        }
        Counts counts = sampled.scaled(SAMPLE_EVERY);
        // A walk in order of publication goes through the chosen region's products only, or through all.
        String region = sort == Sort.RELEVANCE || sort == Sort.NEWEST ? filter.regionCode() : null;
        long walked = region != null ? counts.region() : query.catalogue();
        List<Listed> items;
        if (tiered) {
            Sql inName = where(filter, "p.name_document", terms);
            items = page(db, inName, order(Sort.NEWEST), size, offset, walk(counts.inName(), offset + size, walked), region);
            if (items.size() < size) {
                long tierOne = !items.isEmpty() || offset == 0 ? offset + items.size() : countAll(db, inName);
                Sql others = where.copy().append(" and not (p.name_document @@ ?::tsquery)", terms);
                long from = Math.max(0, offset - tierOne);
                items.addAll(page(db, others, order(Sort.NEWEST), size - items.size(), from,
                        walk(counts.matches() - counts.inName(), from + size, walked), region));
            }
        } else {
            items = page(db, where, order(sort), size, offset, walk(counts.matches(), offset + size, walked), region);
        }
        return new Found(items, counts.matches(), false, counts.facets());
    }

    /**
     * Whether to read a page by walking an ordered index rather than collecting and sorting every
     * match: the walk reads about {@code rows × walked / matches} products (where {@code walked} is
     * how many products the index holds: the catalogue's, or one region's), the collection all
     * {@code matches}; the walk is chosen only when ten times cheaper, because where matches
     * cluster in the index's order (all the newest products of one kind) it reads more.
     */
    static boolean walk(long matches, long rows, long walked) {
        return matches >= (long) EXACT_BELOW * SAMPLE_EVERY && (double) matches * matches > 10.0 * rows * walked;
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
     * One page of products: either by {@code walk}ing an ordered index until the page is full, or by
     * collecting every match first (bitmap scans) and sorting them, so that a selective filter never
     * walks an index its matches are thinly spread over. Either way only the page's rows are read
     * whole. A {@code region} (for an order of publication, null otherwise) walks that region's
     * products alone.
     */
    private static List<Listed> page(Connection db, Sql where, String order, int limit, long offset, boolean walk, String region)
            throws SQLException {
        Sql page;
        if (walk) {
            // The planner multiplies the selectivities of conditions that go together (a word in the
            // name is a word in the text) and may think many matches few; the sample has counted them.
            // Bitmap scans go off for the page statement alone and back to the server's setting after
            // it, all three in one round trip. The region's own condition (besides its '@r' term) is
            // what lets the walk start at the region in product_region_newest.
            page = new Sql("set local enable_bitmapscan = off; select " + Listed.COLUMNS + " from product p where ").append(where);
            if (region != null) {
                page.append(" and p.region_code = ?", region);
            }
            page.append(" order by " + order + " limit ? offset ?; set local enable_bitmapscan to default", limit, offset);
        } else {
            page = new Sql("with m as materialized (select p.id, p.published_at, p.price_uzs from product p where ").append(where)
                    .append("), page as (select p.id from m p order by " + order + " limit ? offset ?) select " + Listed.COLUMNS
                            + " from page join product p on p.id = page.id order by " + order, limit, offset);
        }
        List<Listed> items = new ArrayList<>();
        try (PreparedStatement statement = page.prepare(db)) {
            // The page's rows are the one result set among the statements' results.
            boolean rows = statement.execute();
            while (rows || statement.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet row = statement.getResultSet()) {
                        while (row.next()) {
                            items.add(Listed.read(row, 1));
                        }
                    }
                }
                rows = statement.getMoreResults();
            }
        }
        return items;
    }

    private static long countAll(Connection db, Sql where) throws SQLException {
        try (PreparedStatement statement = new Sql("select count(*) from product p where ").append(where).prepare(db);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The matches in the sample, by every facet value at once (one group per combination, added up
     * here), and how many of them have every word in the name ({@code named}: the terms, or empty).
     * With a region chosen, also how many of the sample's products are in it: what a walk through
     * the region goes through.
     */
    private static Counts sample(Connection db, Filter filter, Sql where, String named) throws SQLException {
        Sql count = new Sql("select p.region_code, p.zone_type, p.zone_name, p.sector, p.export_ready, " + band() + ", count(*), ");
        count.append(named.isEmpty() ? "0" : "count(*) filter (where p.name_document @@ ?::tsquery)", parameters(named));
        if (filter.regionCode() != null) {
            count.append(", (select count(*) from product s where s.status = 'PUBLISHED' and s.in_sample and s.region_code = ?)",
                    filter.regionCode());
        } else {
            count.append(", 0");
        }
        count.append(" from product p where ").append(where).append(" and p.in_sample group by 1, 2, 3, 4, 5, 6");
        Counts counts = new Counts();
        try (PreparedStatement statement = count.prepare(db); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.add(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5),
                        rows.getInt(6), rows.getLong(7), rows.getLong(8));
                counts.region = rows.getLong(9);
            }
        }
        return counts;
    }

    /**
     * Few matches: collected once, then counted by facet and paged from that one collection, in one
     * statement. Each row is either a product of the page (with its {@code place} in the order) or
     * one group of matches by facet values (with its counts, in the product columns that name the
     * facets), so that the matches are looked up in the index once, not once for the count and
     * again for each relevance tier.
     */
    private static Found exactly(Connection db, Sql where, String named, String order, int limit, long offset) throws SQLException {
        Sql sql = new Sql("with m as materialized (select p.id, p.published_at, p.price_uzs, p.region_code, p.zone_type, p.zone_name, "
                + "p.sector, p.export_ready, ")
                .append(named.isEmpty() ? "false" : "p.name_document @@ ?::tsquery", parameters(named))
                .append(" as named from product p where ").append(where)
                .append("), page as (select p.id, row_number() over (order by " + order + ") as place from m p order by " + order
                        + " limit ? offset ?)", limit, offset)
                .append(" select page.place, null::bigint, null::bigint, null::int, " + Listed.COLUMNS
                        + " from page join product p on p.id = page.id")
                .append(" union all select null, count(*), count(*) filter (where p.named), " + band() + ", " + Listed.FACETS_ONLY
                        + " from m p group by p.region_code, p.zone_type, p.zone_name, p.sector, p.export_ready, 4")
                .append(" order by 1");
        List<Listed> items = new ArrayList<>();
        Counts counts = new Counts();
        // Four columns (place, matches, in name, band) before the listed ones.
        int before = 4;
        try (PreparedStatement statement = sql.prepare(db); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (rows.getObject(1) != null) {
                    items.add(Listed.read(rows, before + 1));
                } else {
                    counts.add(rows.getString(before + Listed.position("p.region_code")),
                            rows.getString(before + Listed.position("p.zone_type")),
                            rows.getString(before + Listed.position("p.zone_name")),
                            rows.getString(before + Listed.position("p.sector")),
                            rows.getBoolean(before + Listed.position("p.export_ready")), rows.getInt(4), rows.getLong(2), rows.getLong(3));
                }
            }
        }
        return new Found(items, counts.matches(), true, counts.facets());
    }

    private static Object[] parameters(String named) {
        return named.isEmpty() ? new Object[0] : new Object[] {named};
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

    /** Matches by facet value, added up from the groups of facet combinations the statements return. */
    private static final class Counts {
        private long matches;
        private long inName;
        /** In the sample, with a region chosen: how many of the sample's products are in it. */
        private long region;
        private final Map<String, Map<String, Long>> byFacet = new LinkedHashMap<>();

        Counts() {
            FACETS.forEach(facet -> byFacet.put(facet, new LinkedHashMap<>()));
        }

        void add(String region, String zoneType, String zoneName, String sector, boolean exportReady, int band, long n, long named) {
            matches += n;
            inName += named;
            String[] values = {region, zoneType, zoneName, sector, String.valueOf(exportReady), bandLabel(band)};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    byFacet.get(FACETS.get(i)).merge(values[i], n, Long::sum);
                }
            }
        }

        long matches() {
            return matches;
        }

        long inName() {
            return inName;
        }

        long region() {
            return region;
        }

        Counts scaled(int factor) {
            Counts scaled = new Counts();
            scaled.matches = matches * factor;
            scaled.inName = inName * factor;
            scaled.region = region * factor;
            byFacet.forEach((facet, values) -> values.forEach((value, n) -> scaled.byFacet.get(facet).put(value, n * factor)));
            return scaled;
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
