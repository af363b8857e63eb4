package uz.aqlli.integrity.service;

import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.integrity.FlagCode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every flag with the thresholds in force, by their configuration keys (docs/red-flags.md). */
@ApplicationScoped
public class FlagDefinitions {

    /**
     * @param catalogue  whether the code is the OCP catalogue's (else the platform's own)
     * @param input      what it compares, which says when it may be raised: TERMS at publication, BIDS, BUDGET and
     *                   AWARD at the award (never while bids are sealed), CONTRACT as the contract's events come
     * @param thresholds the configuration keys it reads and their values in force
     */
    public record Definition(String code, String name, String definition, boolean catalogue, String input,
                             Map<String, String> thresholds) {
    }

    private final FlagConfig config;

    FlagDefinitions(FlagConfig config) {
        this.config = config;
    }

    public List<Definition> all() {
        return Arrays.stream(FlagCode.values()).map(code -> new Definition(code.code(), code.title(), code.definition(),
                code.catalogue(), code.input().name(), thresholds(code))).toList();
    }

    private Map<String, String> thresholds(FlagCode code) {
        Map<String, String> in = new LinkedHashMap<>();
        String prefix = "aqlli.integrity.";
        switch (code) {
            case R003 -> {
                in.put(prefix + "short-period-days", String.valueOf(config.shortPeriodDays()));
                new TreeMap<>(config.shortPeriodDaysByCategory()).forEach((category, days) ->
                        in.put(prefix + "short-period-days-by-category." + category, String.valueOf(days)));
            }
            case R024 -> {
                in.put(prefix + "fence-minimum-sample", String.valueOf(config.fenceMinimumSample()));
                in.put(prefix + "close-bid-threshold", config.closeBidThreshold().map(Object::toString).orElse("lower IQR fence"));
            }
            case R058 -> {
                in.put(prefix + "fence-minimum-sample", String.valueOf(config.fenceMinimumSample()));
                in.put(prefix + "discount-threshold", config.discountThreshold().map(Object::toString).orElse("upper IQR fence"));
            }
            case R025 -> {
                in.put(prefix + "losing-bidder-percentile", String.valueOf(config.losingBidderPercentile()));
                in.put(prefix + "losing-bidder-win-ratio", config.losingBidderWinRatio().map(Object::toString).orElse("lower IQR fence"));
                in.put(prefix + "losing-bidder-minimum-sample", String.valueOf(config.losingBidderMinimumSample()));
            }
            case R031 -> in.put(prefix + "budget-near-share", config.budgetNearShare().toPlainString());
            case INFLATED_BUDGET -> in.put(prefix + "budget-below-share", config.budgetBelowShare().toPlainString());
            case REPEAT_WINNER -> {
                in.put(prefix + "repeat-winner-awards", String.valueOf(config.repeatWinnerAwards()));
                in.put(prefix + "repeat-winner-days", String.valueOf(config.repeatWinnerDays()));
            }
            case R062 -> in.put(prefix + "slow-award-days", String.valueOf(config.slowAwardDays()));
            case AMENDMENTS -> in.put(prefix + "amendments", String.valueOf(config.amendments()));
            case PAID_DIFFERS -> in.put(prefix + "paid-difference-share", config.paidDifferenceShare().toPlainString());
            default -> { }
        }
        return in;
    }
}
