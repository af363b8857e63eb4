package uz.aqlli.integrity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every red flag integrity raises. A code of the Open Contracting Partnership's catalogue (and its
 * {@code cardinal} implementation) where one exists, so counts compare with other countries'; the
 * platform's own, named {@code AQ-…}, where none does. docs/red-flags.md is the long form.
 */
public enum FlagCode {
    R003("R003", "Short submission period", true, Input.TERMS,
            "Fewer whole days between the request's publication and its deadline than the threshold of its service category."),
    R018("R018", "Single bid received", true, Input.BIDS,
            "The award was made with one active bid."),
    R028("R028", "Identical bid prices", true, Input.BIDS,
            "Two active bids of different providers have the same price."),
    R036("R036", "Lowest bid not awarded", true, Input.BIDS,
            "Under LOWEST_PRICE the buyer awarded a bid that was not the lowest; the buyer's reason is the evidence."),
    R024("R024", "Price close to winning bid", true, Input.BIDS,
            "(second-lowest − winning) ÷ winning is at or below the lower fence (Q1 − 1.5·IQR) of its category's awards, the winner being the lowest."),
    R058("R058", "Heavily discounted winning bid", true, Input.BIDS,
            "(second-lowest − winning) ÷ winning is at or above the upper fence (Q3 + 1.5·IQR) of its category's awards, the winner being the lowest."),
    R025("R025", "Excessive unsuccessful bids", true, Input.BIDS,
            "A provider whose count of awarded requests bid on, in a category, is at or above the percentile and whose win ratio is at or below the lower fence."),
    R044("R044", "Business similarities between bidders", true, Input.BIDS,
            "Providers bidding on one request share a telephone, an e-mail address or a legal address."),
    R031("R031", "Winning bid near the budget", true, Input.BUDGET,
            "The winning bid is within the share of the buyer's budget (public or private) below or at it."),
    INFLATED_BUDGET("AQ-INFLATED-BUDGET", "Award far below the budget", false, Input.BUDGET,
            "The winning bid is at least the share below the buyer's budget: the budget may have been inflated."),
    REPEAT_WINNER("AQ-REPEAT-WINNER", "Repeat winner", false, Input.AWARD,
            "One provider won more than the limit of one buyer's awards within the window of days."),
    R062("R062", "Slow award", true, Input.AWARD,
            "More days than the threshold from the deadline to the award."),
    MILESTONE_OVERDUE("AQ-MILESTONE-OVERDUE", "Milestone overdue", false, Input.CONTRACT,
            "A milestone of a signed contract was neither delivered nor met by its due date."),
    CONTRACT_LATE("AQ-CONTRACT-LATE", "Contract not completed by its last due date", false, Input.CONTRACT,
            "The milestone due last in the plan in force became overdue with the contract not completed."),
    AMENDMENTS("AQ-AMENDMENTS", "Many amendments", false, Input.CONTRACT,
            "The contract has the threshold number of accepted amendments or more."),
    PRICE_AND_TERM("AQ-PRICE-AND-TERM", "Price increase with term extension", false, Input.CONTRACT,
            "Amendments raised the value in force above the signed value and moved the last due date later than signed."),
    PAID_DIFFERS("AQ-PAID-DIFFERS", "Paid amount far from the awarded value", false, Input.CONTRACT,
            "At completion, what was paid differs from the awarded value by more than the share.");

    /** What a flag compares, which decides when it may be raised (the seal). */
    public enum Input {
        /** The request's published terms: public from publication. */
        TERMS,
        /** Bid prices or bidders: public once the request is awarded, never before. */
        BIDS,
        /** The buyer's budget, private or not, with the winning bid: public with the award. */
        BUDGET,
        /** The award itself. */
        AWARD,
        /** Contract events: public as they happen. */
        CONTRACT
    }

    private final String code;
    private final String title;
    private final boolean catalogue;
    private final Input input;
    private final String definition;

    FlagCode(String code, String title, boolean catalogue, Input input, String definition) {
        this.code = code;
        this.title = title;
        this.catalogue = catalogue;
        this.input = input;
        this.definition = definition;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Whether the code is the OCP catalogue's (else the platform's own). */
    public boolean catalogue() {
        return catalogue;
    }

    public Input input() {
        return input;
    }

    public String definition() {
        return definition;
    }

    public static Optional<FlagCode> of(String code) {
        return Arrays.stream(values()).filter(flag -> flag.code.equals(code)).findFirst();
    }
}
