package uz.aqlli.catalog.service;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The finder's pure parts: how filters become tsquery terms, and when a page walks an index. */
class ProductFinderTest {

    @Test
    void facetFiltersBecomeQuotedTermsBesideTheWords() {
        var filter = new ProductFinder.Filter("ignored here", "1712", ZoneType.CLUSTER, "Navoiy to'qimachilik klasteri", Sector.CHEMICALS,
                true, null, null);
        assertEquals("'paxta':* & '@r1712' & '@tCLUSTER' & '@zNavoiy to''qimachilik klasteri' & '@sCHEMICALS' & '@etrue'",
                ProductFinder.terms(filter, "'paxta':*"));
        assertEquals("", ProductFinder.terms(new ProductFinder.Filter(null, null, null, null, null, null, null, null), ""));
    }

    @Test
    void aLexemeIsQuotedWithQuotesAndBackslashesDoubled() {
        assertEquals("'a''b\\\\c'", ProductFinder.lexeme("a'b\\c"));
    }

    @Test
    void aPageWalksAnIndexOnlyWhenMatchesAreManyAndDense() {
        // Below the exact-count threshold: always collected.
        assertFalse(ProductFinder.walk(4_999, 20, 10_000));
        // A quarter of a million: the first page is about 80 rows into the newest index.
        assertTrue(ProductFinder.walk(250_000, 20, 1_000_000));
        // 10,000 of a million, 20 rows: a walk of about 2,000 rows, not ten times under 10,000.
        assertFalse(ProductFinder.walk(10_000, 20, 1_000_000));
        // The same matches, a deep page: collecting them wins.
        assertFalse(ProductFinder.walk(250_000, 100_000, 1_000_000));
        // 7,000 matches in one region of 71,000 products: a walk of about 200 rows through the region alone.
        assertTrue(ProductFinder.walk(7_000, 20, 71_000));
        assertFalse(ProductFinder.walk(7_000, 20, 1_000_000));
    }

    @Test
    void facetGroupRowsKeepTheFacetColumnsWhereTheProductRowsHaveThem() {
        List<String> columns = List.of(ProductFinder.Listed.COLUMNS.split(", "));
        List<String> facetsOnly = List.of(ProductFinder.Listed.FACETS_ONLY.split(", "));
        assertEquals(columns.size(), facetsOnly.size());
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            boolean facet = List.of("p.region_code", "p.zone_type", "p.zone_name", "p.sector", "p.export_ready").contains(column);
            assertEquals(facet ? column : "null", facetsOnly.get(i), column);
        }
    }
}
