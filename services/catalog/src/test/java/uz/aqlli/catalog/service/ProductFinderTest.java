package uz.aqlli.catalog.service;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ZoneType;

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
    }
}
