package uz.aqlli.orders;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The contract a tender's award becomes (OCDS {@code contracts}, Prozorro's contracting): made by
 * the award alone, then the supplier proposes a milestone plan whose amounts add up to the awarded
 * value, the buyer agrees to a version or asks for changes, and a manager of each party signs the
 * agreed version; the second signature makes it {@code ACTIVE}. Its rules are here, free of HTTP
 * and the database.
 */
@Entity
@Table(name = "contract")
public class Contract {

    public static final String CURRENCY = "UZS";

    /** The largest amount the database keeps (numeric(18,2)). */
    private static final BigDecimal LARGEST = new BigDecimal("9999999999999999.99");

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(name = "bid_id", nullable = false, updatable = false)
    private UUID bidId;

    @Column(name = "buyer_id", nullable = false, updatable = false)
    private UUID buyerId;

    @Column(name = "supplier_id", nullable = false, updatable = false)
    private UUID supplierId;

    @Column(updatable = false)
    private String category;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private Map<String, String> title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    private List<String> regions;

    @Column(name = "duration_days", nullable = false, updatable = false)
    private int durationDays;

    @Column(name = "value_uzs", nullable = false, updatable = false)
    private BigDecimal valueUzs;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractStatus status;

    @Column(name = "awarded_at", nullable = false, updatable = false)
    private Instant awardedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "buyer_signed_by")
    private String buyerSignedBy;

    @Column(name = "buyer_signed_at")
    private Instant buyerSignedAt;

    @Column(name = "supplier_signed_by")
    private String supplierSignedBy;

    @Column(name = "supplier_signed_at")
    private Instant supplierSignedAt;

    /** The plan version both signed. */
    @Column(name = "signed_plan_version")
    private Integer signedPlanVersion;

    @Column(name = "date_signed")
    private Instant dateSigned;

    @Enumerated(EnumType.STRING)
    @Column(name = "refused_by")
    private ContractSide refusedBy;

    @Column(name = "refused_by_user")
    private String refusedByUser;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(name = "refused_at")
    private Instant refusedAt;

    @Version
    private long version;

    // Both load with the contract: its view needs them outside any transaction.
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "contract_plan", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<PlanVersion> plans = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "contract_milestone", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<PlannedMilestone> milestones = new ArrayList<>();

    protected Contract() {
    }

    /** The contract of an award, {@code PENDING}, worth exactly the awarded price. */
    public static Contract fromAward(UUID id, UUID requestId, UUID bidId, UUID buyerId, UUID supplierId, String category,
                                     Map<String, String> title, List<String> regions, int durationDays, BigDecimal priceUzs,
                                     Instant awardedAt, Instant now) {
        Contract contract = new Contract();
        contract.id = id;
        contract.requestId = requestId;
        contract.bidId = bidId;
        contract.buyerId = buyerId;
        contract.supplierId = supplierId;
        contract.category = category;
        contract.title = title;
        contract.regions = regions == null ? List.of() : List.copyOf(regions);
        contract.durationDays = durationDays;
        contract.valueUzs = priceUzs.setScale(2); // so'm to the tiyin, as the database keeps it
        contract.currency = CURRENCY;
        contract.status = ContractStatus.PENDING;
        contract.awardedAt = awardedAt;
        contract.createdAt = now;
        return contract;
    }

    /** What the supplier proposes for one milestone. */
    public record Draft(String title, MilestoneType type, BigDecimal amountUzs, LocalDate dueDate) {
    }

    /**
     * The supplier's next plan version. Each milestone is due today or later ({@code today} in
     * Tashkent), and the amounts add up to the value to the tiyin: the plan is how the awarded price
     * is paid, so it can neither add to it nor leave part of it out. A version not yet signed by
     * anyone may be replaced; it is then {@code SUPERSEDED}.
     *
     * @return the new version's number
     */
    public int proposePlan(List<Draft> drafts, String by, LocalDate today, Instant now) {
        requirePending("propose a plan");
        if (buyerSignedAt != null || supplierSignedAt != null) {
            throw ProblemException.conflict("signing-started", "Contract " + id + " is being signed: its plan no longer changes");
        }
        if (drafts == null || drafts.isEmpty()) {
            throw ProblemException.invalidField("milestones", "needs at least one milestone");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            String at = "milestones[" + i + "].";
            if (draft.amountUzs() == null || draft.amountUzs().signum() <= 0 || draft.amountUzs().stripTrailingZeros().scale() > 2
                    || draft.amountUzs().compareTo(LARGEST) > 0) {
                throw ProblemException.invalidField(at + "amountUzs", "must be a positive amount in so'm, to the tiyin");
            }
            if (draft.dueDate() == null) {
                throw ProblemException.invalidField(at + "dueDate", "is required");
            }
            if (draft.dueDate().isBefore(today)) {
                throw ProblemException.invalidField(at + "dueDate", "is in the past");
            }
            total = total.add(draft.amountUzs());
        }
        if (total.compareTo(valueUzs) != 0) {
            throw ProblemException.invalidField("milestones", "amounts add up to " + total.toPlainString()
                    + " so'm; the contract's value is " + valueUzs.toPlainString() + " so'm");
        }
        currentPlan().filter(plan -> plan.status() == PlanStatus.PROPOSED || plan.status() == PlanStatus.AGREED)
                .ifPresent(PlanVersion::supersede);
        int number = plans.size() + 1;
        plans.add(new PlanVersion(number, by, now));
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            milestones.add(new PlannedMilestone(number, i + 1, draft.title().strip(), draft.type(), draft.amountUzs().setScale(2),
                    draft.dueDate()));
        }
        return number;
    }

    /** The buyer agrees to the version it read; a later one or an answered one is a 409. */
    public void agreePlan(int planVersion, String by, Instant now) {
        proposed(planVersion, "agree to").answer(PlanStatus.AGREED, by, null, now);
    }

    public void requestChanges(int planVersion, String note, String by, Instant now) {
        proposed(planVersion, "ask for changes to").answer(PlanStatus.CHANGES_REQUESTED, by, note, now);
    }

    /**
     * A manager of {@code side} signs the agreed version it names (so that nobody signs a version
     * they did not read). The second signature makes the contract {@code ACTIVE} with
     * {@code dateSigned} now.
     *
     * @return whether this signature activated the contract
     */
    public boolean sign(ContractSide side, int planVersion, String by, Instant now) {
        requirePending("sign");
        PlanVersion agreed = currentPlan().filter(plan -> plan.status() == PlanStatus.AGREED)
                .orElseThrow(() -> ProblemException.conflict("plan-not-agreed", "Contract " + id
                        + " has no agreed milestone plan to sign"));
        if (agreed.number() != planVersion) {
            throw ProblemException.conflict("plan-version-not-agreed", "planVersion", "Version " + planVersion
                    + " is not the agreed plan; version " + agreed.number() + " is");
        }
        if (signedAt(side) != null) {
            throw ProblemException.conflict("already-signed", "The " + side.name().toLowerCase() + " has signed already");
        }
        if (side == ContractSide.BUYER) {
            buyerSignedBy = by;
            buyerSignedAt = now;
        } else {
            supplierSignedBy = by;
            supplierSignedAt = now;
        }
        if (buyerSignedAt != null && supplierSignedAt != null) {
            status = ContractStatus.ACTIVE;
            signedPlanVersion = planVersion;
            dateSigned = now;
            return true;
        }
        return false;
    }

    /** A manager of {@code side} refuses to sign, with a reason: the contract is cancelled. */
    public void refuseToSign(ContractSide side, String reason, String by, Instant now) {
        requirePending("refuse to sign");
        status = ContractStatus.CANCELLED;
        refusedBy = side;
        refusedByUser = by;
        refusalReason = reason.strip();
        refusedAt = now;
    }

    /**
     * A dispute about milestone {@code number} of the signed plan holds it: until it ends, no step
     * and no sweep changes the milestone (no delivery, no acceptance, automatic or not, no payment).
     * One dispute at a time: another one's freeze is a 409.
     */
    public void freezeMilestone(int number, UUID disputeId) {
        if (status != ContractStatus.ACTIVE) {
            throw ProblemException.conflict("contract-not-active", "Contract " + id + " is " + status
                    + ": only an active contract's milestones can be disputed");
        }
        PlannedMilestone milestone = signedMilestone(number);
        if (milestone.frozen() && !milestone.disputeId().equals(disputeId)) {
            throw underDispute(milestone);
        }
        milestone.freeze(disputeId);
    }

    /** The dispute about milestone {@code number} ended: its steps and the sweeps apply to it again. */
    public void unfreezeMilestone(int number) {
        signedMilestone(number).unfreeze();
    }

    /** Milestone {@code number} of the signed plan; an unknown number is a 404. */
    public PlannedMilestone signedMilestone(int number) {
        if (signedPlanVersion == null) {
            throw ProblemException.conflict("contract-not-signed", "Contract " + id + " is not signed: its milestones have not started");
        }
        return milestones.stream().filter(m -> m.planVersion() == signedPlanVersion && m.number() == number).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Milestone " + number + " of contract " + id));
    }

    /** The signed plan's milestones, in order; empty before signing. */
    public List<PlannedMilestone> signedMilestones() {
        return signedPlanVersion == null ? List.of() : milestonesOf(signedPlanVersion);
    }

    /** A milestone step on a frozen milestone is refused: the dispute decides what happens to it. */
    private static void requireNotFrozen(PlannedMilestone milestone) {
        if (milestone.frozen()) {
            throw underDispute(milestone);
        }
    }

    private static ProblemException underDispute(PlannedMilestone milestone) {
        return ProblemException.conflict("milestone-under-dispute", "Milestone " + milestone.number() + " is under dispute "
                + milestone.disputeId() + ": it changes only when the dispute ends");
    }

    public Optional<PlanVersion> currentPlan() {
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
    }

    public List<PlannedMilestone> milestonesOf(int planVersion) {
        return milestones.stream().filter(milestone -> milestone.planVersion() == planVersion).toList();
    }

    public Instant signedAt(ContractSide side) {
        return side == ContractSide.BUYER ? buyerSignedAt : supplierSignedAt;
    }

    public UUID party(ContractSide side) {
        return side == ContractSide.BUYER ? buyerId : supplierId;
    }

    private PlanVersion proposed(int planVersion, String action) {
        requirePending(action + " a plan");
        PlanVersion current = currentPlan().orElseThrow(() -> ProblemException.conflict("no-plan",
                "The supplier has proposed no milestone plan yet"));
        if (current.number() != planVersion) {
            throw ProblemException.conflict("plan-version-not-current", "planVersion", "Version " + planVersion
                    + " is not the current plan; version " + current.number() + " is");
        }
        if (current.status() != PlanStatus.PROPOSED) {
            throw ProblemException.conflict("plan-answered", "Version " + planVersion + " is " + current.status() + " already");
        }
        return current;
    }

    private void requirePending(String action) {
        if (status != ContractStatus.PENDING) {
            throw ProblemException.conflict("contract-not-pending", "Contract " + id + " is " + status + ": nobody can " + action);
        }
    }

    public UUID id() { return id; }
    public UUID requestId() { return requestId; }
    public UUID bidId() { return bidId; }
    public UUID buyerId() { return buyerId; }
    public UUID supplierId() { return supplierId; }
    public String category() { return category; }
    public Map<String, String> title() { return title; }
    public List<String> regions() { return regions; }
    public int durationDays() { return durationDays; }
    public BigDecimal valueUzs() { return valueUzs; }
    public String currency() { return currency; }
    public ContractStatus status() { return status; }
    public Instant awardedAt() { return awardedAt; }
    public Instant createdAt() { return createdAt; }
    public String buyerSignedBy() { return buyerSignedBy; }
    public String supplierSignedBy() { return supplierSignedBy; }
    public Integer signedPlanVersion() { return signedPlanVersion; }
    public Instant dateSigned() { return dateSigned; }
    public ContractSide refusedBy() { return refusedBy; }
    public String refusalReason() { return refusalReason; }
    public Instant refusedAt() { return refusedAt; }
    public List<PlanVersion> plans() { return List.copyOf(plans); }
    public long version() { return version; }
}
