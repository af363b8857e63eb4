package uz.aqlli.integrity.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The red flags' thresholds (docs/red-flags.md names each with its key). Defaults are the
 * catalogue's or the issue's; a deployment changes them here, never in code.
 */
@ConfigMapping(prefix = "aqlli.integrity")
public interface FlagConfig {

    /** R003: fewer whole days than this between publication and deadline. */
    @WithDefault("10")
    int shortPeriodDays();

    /** R003 per service category ({@code ERP=14}); a category not named takes {@link #shortPeriodDays()}. */
    Map<String, Integer> shortPeriodDaysByCategory();

    /** R024/R058: how many awarded requests of a category the fences need before they flag anything. */
    @WithDefault("5")
    int fenceMinimumSample();

    /** R024: a fixed ratio replacing the computed lower fence (cardinal's {@code threshold}). */
    Optional<BigDecimal> closeBidThreshold();

    /** R058: a fixed ratio replacing the computed upper fence. */
    Optional<BigDecimal> discountThreshold();

    /** R025: the percentile of bid counts a provider must reach. */
    @WithDefault("75")
    int losingBidderPercentile();

    /** R025: a fixed win ratio replacing the computed lower fence. */
    Optional<BigDecimal> losingBidderWinRatio();

    /** R025: how many providers of a category the fences need. */
    @WithDefault("5")
    int losingBidderMinimumSample();

    /** R031: the winning bid within this share of the budget (0.01 = 1 %). */
    @WithDefault("0.01")
    BigDecimal budgetNearShare();

    /** AQ-INFLATED-BUDGET: the award at least this share below the budget. */
    @WithDefault("0.30")
    BigDecimal budgetBelowShare();

    /** AQ-REPEAT-WINNER: more awards than this from one buyer to one provider … */
    @WithDefault("4")
    int repeatWinnerAwards();

    /** … within this many days. */
    @WithDefault("365")
    int repeatWinnerDays();

    /** R062: more days than this from the deadline to the award. */
    @WithDefault("30")
    int slowAwardDays();

    /** AQ-AMENDMENTS: this many amendments or more. */
    @WithDefault("3")
    int amendments();

    /** AQ-PAID-DIFFERS: paid at completion differs from the awarded value by more than this share. */
    @WithDefault("0.10")
    BigDecimal paidDifferenceShare();

    default int shortPeriodDays(String category) {
        return shortPeriodDaysByCategory().getOrDefault(category, shortPeriodDays());
    }
}
