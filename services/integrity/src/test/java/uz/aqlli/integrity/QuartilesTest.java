package uz.aqlli.integrity;

import org.junit.jupiter.api.Test;
import uz.aqlli.integrity.service.Quartiles;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hyndman–Fan type 8, as cardinal and R's quantile(type = 8) compute it. */
class QuartilesTest {

    private static List<BigDecimal> of(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void typeEightQuartilesAndFences() {
        // R: quantile(c(0, .5, .5, .5, .5), c(.25, .75), type = 8) → 0.3333333, 0.5
        Quartiles q = Quartiles.of(of("0", "0.5", "0.5", "0.5", "0.5"));
        assertEquals("0.333333", q.q1().setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals(0, q.q3().compareTo(new BigDecimal("0.5")));
        assertEquals(new BigDecimal("0.083333"), q.lowerFence());
        assertEquals(new BigDecimal("0.750000"), q.upperFence());
        // R: quantile(1:10, c(.25, .75), type = 8) → 2.916667, 8.083333
        Quartiles ten = Quartiles.of(of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
        assertEquals("2.916667", ten.q1().setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals("8.083333", ten.q3().setScale(6, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals(new BigDecimal("5"), Quartiles.quantile(of("5"), 0.75));
    }
}
