package uz.aqlli.integrity.service;

import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.integrity.FlagCode;
import uz.aqlli.integrity.repository.Watch;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.MilestoneOverdue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static uz.aqlli.integrity.service.TenderFlags.plain;
import static uz.aqlli.integrity.service.TenderFlags.values;

/** The flags of a contract's execution, from orders' contract events. */
@ApplicationScoped
public class ContractFlags {

    private final FlagConfig config;

    ContractFlags(FlagConfig config) {
        this.config = config;
    }

    public static String subject(Watch.Contract contract) {
        return "contract:" + contract.id();
    }

    public static String milestone(Watch.Contract contract, int number) {
        return subject(contract) + ":milestone:" + number;
    }

    public List<Finding> overdue(Watch.Contract contract, MilestoneOverdue overdue, String eventId) {
        return List.of(finding(FlagCode.MILESTONE_OVERDUE, milestone(contract, overdue.milestone().number()), contract,
                List.of(eventId), values("milestone", overdue.milestone().number(), "dueDate", overdue.dueDate(),
                        "overdueAt", overdue.overdueAt(), "amountUzs", plain(overdue.milestone().amountUzs()))));
    }

    /** AQ-CONTRACT-LATE: the milestone due last is overdue and the contract is not completed. */
    public List<Finding> late(Watch.Contract contract, MilestoneOverdue overdue, String eventId) {
        if (contract.lastDue() == null || !contract.lastDue().equals(overdue.dueDate()) || "COMPLETED".equals(contract.status())) {
            return List.of();
        }
        return List.of(finding(FlagCode.CONTRACT_LATE, subject(contract), contract, List.of(eventId),
                values("lastDueDate", contract.lastDue(), "status", contract.status(), "overdueAt", overdue.overdueAt())));
    }

    public List<Finding> amendments(Watch.Contract contract) {
        if (contract.amendments() < config.amendments()) {
            return List.of();
        }
        return List.of(finding(FlagCode.AMENDMENTS, subject(contract), contract, contract.amendmentEventIds(),
                values("amendments", contract.amendments(), "threshold", config.amendments())));
    }

    public List<Finding> priceAndTerm(Watch.Contract contract) {
        if (contract.valueInForceUzs().compareTo(contract.awardedUzs()) <= 0 || contract.signedLastDue() == null
                || contract.lastDue() == null || !contract.lastDue().isAfter(contract.signedLastDue())) {
            return List.of();
        }
        return List.of(finding(FlagCode.PRICE_AND_TERM, subject(contract), contract, contract.amendmentEventIds(),
                values("signedValueUzs", plain(contract.awardedUzs()), "valueInForceUzs", plain(contract.valueInForceUzs()),
                        "signedLastDueDate", contract.signedLastDue(), "lastDueDate", contract.lastDue())));
    }

    public List<Finding> paid(Watch.Contract contract, ContractCompleted completed, String eventId) {
        BigDecimal awarded = completed.awardedUzs();
        if (awarded == null || awarded.signum() <= 0 || completed.paidUzs() == null) {
            return List.of();
        }
        BigDecimal difference = completed.paidUzs().subtract(awarded).abs().divide(awarded, 6, RoundingMode.HALF_UP);
        if (difference.compareTo(config.paidDifferenceShare()) <= 0) {
            return List.of();
        }
        return List.of(finding(FlagCode.PAID_DIFFERS, subject(contract), contract, List.of(eventId),
                values("awardedUzs", plain(awarded), "paidUzs", plain(completed.paidUzs()), "differenceShare",
                        difference.toPlainString(), "thresholdShare", config.paidDifferenceShare().toPlainString())));
    }

    private static Finding finding(FlagCode code, String subject, Watch.Contract contract, List<String> evidence,
                                   Map<String, String> values) {
        return new Finding(code, subject, contract.regionCode(), contract.requestId(), contract.id(), contract.buyerId(),
                List.of(contract.buyerId(), contract.supplierId()), evidence, values);
    }
}
