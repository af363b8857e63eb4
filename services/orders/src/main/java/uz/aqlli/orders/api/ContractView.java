package uz.aqlli.orders.api;

import uz.aqlli.orders.Contract;
import uz.aqlli.orders.ContractSide;
import uz.aqlli.orders.PlanVersion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contract as anyone sees it (a public tender's contract is public, as on Prozorro): parties,
 * value, every plan version and its milestones, statuses, signatures and dates. The buyer's notes
 * asking for changes are the parties' negotiation and show only to them; who of each party signed
 * likewise ({@code null} for everyone else).
 */
public record ContractView(
        UUID id,
        UUID requestId,
        UUID bidId,
        String status,
        UUID buyerId,
        UUID supplierId,
        String category,
        Map<String, String> title,
        List<String> regions,
        int durationDays,
        BigDecimal valueUzs,
        String currency,
        Instant awardedAt,
        Instant createdAt,
        Integer currentPlanVersion,
        List<Plan> plans,
        Instant buyerSignedAt,
        Instant supplierSignedAt,
        String buyerSignedBy,
        String supplierSignedBy,
        Integer signedPlanVersion,
        Instant dateSigned,
        String refusedBy,
        String refusalReason,
        Instant refusedAt,
        long version) {

    public record Plan(int planVersion, String status, Instant proposedAt, Instant answeredAt, String changeNote,
                       List<Milestone> milestones) {
    }

    public record Milestone(int number, String title, String type, BigDecimal amountUzs, LocalDate dueDate) {
    }

    static ContractView of(Contract contract, boolean party) {
        List<Plan> plans = contract.plans().stream().map(plan -> plan(contract, plan, party)).toList();
        return new ContractView(contract.id(), contract.requestId(), contract.bidId(), contract.status().name(), contract.buyerId(),
                contract.supplierId(), contract.category(), contract.title(), contract.regions(), contract.durationDays(),
                contract.valueUzs(), contract.currency(), contract.awardedAt(), contract.createdAt(),
                contract.currentPlan().map(PlanVersion::number).orElse(null), plans,
                contract.signedAt(ContractSide.BUYER), contract.signedAt(ContractSide.SUPPLIER),
                party ? contract.buyerSignedBy() : null, party ? contract.supplierSignedBy() : null,
                contract.signedPlanVersion(), contract.dateSigned(),
                contract.refusedBy() == null ? null : contract.refusedBy().name(), contract.refusalReason(), contract.refusedAt(),
                contract.version());
    }

    private static Plan plan(Contract contract, PlanVersion plan, boolean party) {
        var milestones = contract.milestonesOf(plan.number()).stream().map(m -> new Milestone(m.number(), m.title(), m.type().name(),
                m.amountUzs(), m.dueDate())).toList();
        return new Plan(plan.number(), plan.status().name(), plan.proposedAt(), plan.answeredAt(), party ? plan.changeNote() : null,
                milestones);
    }
}
