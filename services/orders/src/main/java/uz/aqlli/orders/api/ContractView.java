package uz.aqlli.orders.api;

import uz.aqlli.orders.Contract;
import uz.aqlli.orders.ContractSide;
import uz.aqlli.orders.ContractAmendment;
import uz.aqlli.orders.PlanVersion;
import uz.aqlli.orders.PlannedMilestone;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contract as anyone sees it (a public tender's contract is public, as on Prozorro): parties,
 * value, every plan version and its milestones, statuses, signatures and dates. The buyer's notes
 * asking for changes are the parties' negotiation and show only to them; who of each party signed
 * likewise ({@code null} for everyone else). Once signed: the milestones' statuses and dates, the
 * accepted and paid amounts, amendments and termination, all public as on Prozorro; delivery notes
 * and documents only for the parties.
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
        BigDecimal valueInForceUzs,
        BigDecimal acceptedUzs,
        BigDecimal paidUzs,
        List<SignedMilestone> milestones,
        List<Payment> payments,
        List<Amendment> amendments,
        Instant completedAt,
        Termination termination,
        long version) {

    /**
     * A milestone of the signed plan as it stands: terms in force (planned ones beside them when an
     * amendment changed them), delivery, acceptance, payment and overdue, and why a delivery was
     * rejected (public, as a refusal to sign is). The delivery's note and documents are the parties'
     * exchange ({@code null} for others). Anyone sees that it is under dispute; which dispute only
     * its parties do, as disputes are theirs (404 to everyone else).
     */
    public record SignedMilestone(int number, String title, String type, String status, BigDecimal amountUzs, LocalDate dueDate,
                                  BigDecimal plannedAmountUzs, LocalDate plannedDueDate, Instant deliveredAt, String deliveryNote,
                                  List<String> documents, Instant acceptanceDueAt, BigDecimal acceptedAmountUzs, Instant metAt,
                                  Boolean acceptedAutomatically, Instant rejectedAt, String rejectionReason, Instant overdueAt,
                                  BigDecimal paidUzs, boolean underDispute, UUID disputeId) {
    }

    public record Payment(int milestone, BigDecimal amountUzs, LocalDate paidOn, Instant recordedAt) {
    }

    public record Amendment(int number, String status, String proposedBy, Instant proposedAt, String rationale, String description,
                            BigDecimal previousValueUzs, BigDecimal newValueUzs, List<MilestoneChange> milestones, Instant answeredAt) {
    }

    public record MilestoneChange(int number, BigDecimal amountUzs, LocalDate dueDate) {
    }

    /** How it ended, or a termination proposed by agreement and not yet agreed ({@code terminatedAt} null). */
    public record Termination(String kind, String side, String reason, BigDecimal paidUzs, Instant proposedAt, Instant terminatedAt) {
    }

    public record Plan(int planVersion, String status, Instant proposedAt, Instant answeredAt, String changeNote,
                       List<Milestone> milestones) {
    }

    public record Milestone(int number, String title, String type, BigDecimal amountUzs, LocalDate dueDate) {
    }

    static ContractView of(Contract contract, boolean party, Duration window) {
        List<Plan> plans = contract.plans().stream().map(plan -> plan(contract, plan, party)).toList();
        return new ContractView(contract.id(), contract.requestId(), contract.bidId(), contract.status().name(), contract.buyerId(),
                contract.supplierId(), contract.category(), contract.title(), contract.regions(), contract.durationDays(),
                contract.valueUzs(), contract.currency(), contract.awardedAt(), contract.createdAt(),
                contract.currentPlan().map(PlanVersion::number).orElse(null), plans,
                contract.signedAt(ContractSide.BUYER), contract.signedAt(ContractSide.SUPPLIER),
                party ? contract.buyerSignedBy() : null, party ? contract.supplierSignedBy() : null,
                contract.signedPlanVersion(), contract.dateSigned(),
                contract.refusedBy() == null ? null : contract.refusedBy().name(), contract.refusalReason(), contract.refusedAt(),
                contract.valueInForce(), contract.acceptedTotal(), contract.paidTotal(),
                contract.signedMilestones().stream().map(m -> milestone(contract, m, party, window)).toList(),
                contract.payments().stream().map(p -> new Payment(p.milestoneNumber(), p.amountUzs(), p.paidOn(), p.recordedAt())).toList(),
                contract.amendments().stream().map(a -> amendment(contract, a)).toList(),
                contract.completedAt(), termination(contract), contract.version());
    }

    private static SignedMilestone milestone(Contract contract, PlannedMilestone m, boolean party, Duration window) {
        return new SignedMilestone(m.number(), m.title(), m.type().name(), m.status().name(), m.amountUzs(), m.dueDate(),
                m.plannedAmountUzs(), m.plannedDueDate(), m.deliveredAt(), party ? m.deliveryNote() : null,
                party ? m.deliveryDocuments() : null, contract.acceptanceDueAt(m, window), m.acceptedAmountUzs(), m.metAt(),
                m.accepted() ? m.acceptedAutomatically() : null, m.rejectedAt(), m.rejectionReason(), m.overdueAt(),
                contract.paidFor(m.number()), m.frozen(), party ? m.disputeId() : null);
    }

    private static Amendment amendment(Contract contract, ContractAmendment a) {
        var changes = contract.amendmentChanges(a.number()).stream()
                .map(c -> new MilestoneChange(c.milestoneNumber(), c.amountUzs(), c.dueDate())).toList();
        return new Amendment(a.number(), a.status().name(), a.proposedBySide().name(), a.proposedAt(), a.rationale().name(),
                a.description(), a.previousValueUzs(), a.newValueUzs(), changes, a.answeredAt());
    }

    private static Termination termination(Contract contract) {
        if (contract.terminationKind() == null) {
            return null;
        }
        return new Termination(contract.terminationKind().name(), contract.terminationSide().name(), contract.terminationReason(),
                contract.terminationPaidUzs(), contract.terminationProposedAt(), contract.terminatedAt());
    }

    private static Plan plan(Contract contract, PlanVersion plan, boolean party) {
        var milestones = contract.milestonesOf(plan.number()).stream().map(m -> new Milestone(m.number(), m.title(), m.type().name(),
                m.amountUzs(), m.dueDate())).toList();
        return new Plan(plan.number(), plan.status().name(), plan.proposedAt(), plan.answeredAt(), party ? plan.changeNote() : null,
                milestones);
    }
}
