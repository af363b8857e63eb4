package uz.aqlli.integrity.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Quartiles and Tukey's fences as cardinal computes them: Hyndman–Fan type 8 quantiles, fences
 * Q1 − 1.5·IQR and Q3 + 1.5·IQR.
 */
public record Quartiles(BigDecimal q1, BigDecimal q3) {

    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal ONE_AND_HALF = new BigDecimal("1.5");

    public static Quartiles of(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        return new Quartiles(quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    /** The type 8 quantile at {@code p} of {@code sorted} (ascending, not empty). */
    public static BigDecimal quantile(List<BigDecimal> sorted, double p) {
        int n = sorted.size();
        double h = (n + 1.0 / 3.0) * p + 1.0 / 3.0;
        if (h <= 1) {
            return sorted.get(0);
        }
        if (h >= n) {
            return sorted.get(n - 1);
        }
        int low = (int) Math.floor(h);
        BigDecimal fraction = BigDecimal.valueOf(h - low);
        BigDecimal below = sorted.get(low - 1);
        return below.add(fraction.multiply(sorted.get(low).subtract(below), MATH), MATH);
    }

    public BigDecimal lowerFence() {
        return q1.subtract(ONE_AND_HALF.multiply(q3.subtract(q1), MATH), MATH).setScale(6, RoundingMode.HALF_UP);
    }

    public BigDecimal upperFence() {
        return q3.add(ONE_AND_HALF.multiply(q3.subtract(q1), MATH), MATH).setScale(6, RoundingMode.HALF_UP);
    }
}
