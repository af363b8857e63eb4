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

    /** The value in force after accepted amendments; {@code null} while none changed it (the value at signing holds). */
    @Column(name = "amended_value_uzs")
    private BigDecimal amendedValueUzs;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "termination_kind")
    private TerminationKind terminationKind;

    /** Who proposed ending it (by agreement, still awaiting the other party) or ended it alone. */
    @Enumerated(EnumType.STRING)
    @Column(name = "termination_side")
    private ContractSide terminationSide;

    @Column(name = "termination_by")
    private String terminationBy;

    @Column(name = "termination_reason")
    private String terminationReason;

    @Column(name = "termination_paid_uzs")
    private BigDecimal terminationPaidUzs;

    @Column(name = "termination_proposed_at")
    private Instant terminationProposedAt;

    @Column(name = "terminated_at")
    private Instant terminatedAt;

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

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "contract_payment", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<ContractPayment> payments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "contract_amendment", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<ContractAmendment> amendments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "contract_amendment_milestone", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<AmendedMilestone> amendedMilestones = new ArrayList<>();

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
        if ((buyerSignedAt != null || supplierSignedAt != null) && !outdated(today)) {
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
        // a signature given to an outdated version is not one to the new version
        buyerSignedBy = null;
        buyerSignedAt = null;
        supplierSignedBy = null;
        supplierSignedAt = null;
        int number = plans.size() + 1;
        plans.add(new PlanVersion(number, by, now));
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            milestones.add(new PlannedMilestone(number, i + 1, draft.title().strip(), draft.type(), draft.amountUzs().setScale(2),
                    draft.dueDate()));
        }
        return number;
    }

    /** Whether the current plan has a milestone due before {@code today}: nobody can sign it any more. */
    private boolean outdated(LocalDate today) {
        return currentPlan().map(plan -> milestonesOf(plan.number()).stream().anyMatch(m -> m.dueDate().isBefore(today)))
                .orElse(false);
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
     * {@code dateSigned} now. A plan agreed days ago may have a milestone due before the signing
     * day (in Tashkent): signing it would make the contract overdue at once, so it is a 400 naming
     * that date, and the supplier proposes a new version (which such a plan allows even after one
     * signature).
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
        List<PlannedMilestone> planned = milestonesOf(planVersion);
        LocalDate signingDay = LocalDate.ofInstant(now, Uzbekistan.ZONE);
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).dueDate().isBefore(signingDay)) {
                throw ProblemException.invalidField("plan.milestones[" + i + "].dueDate", "is " + planned.get(i).dueDate()
                        + ", before the signing day " + signingDay + ": the supplier proposes a new plan version");
            }
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
     * One dispute at a time: another one's freeze is a 409. A delivery whose acceptance window
     * ended at {@code now} counts as accepted already, whether or not the sweep has run (it may have
     * been down): a 409, as for orders.
     */
    public void freezeMilestone(int number, UUID disputeId, java.time.Duration window, Instant now) {
        if (status != ContractStatus.ACTIVE) {
            throw ProblemException.conflict("contract-not-active", "Contract " + id + " is " + status
                    + ": only an active contract's milestones can be disputed");
        }
        PlannedMilestone milestone = signedMilestone(number);
        if (milestone.frozen()) {
            if (!milestone.disputeId().equals(disputeId)) {
                throw underDispute(milestone);
            }
            return;
        }
        Instant due = acceptanceDueAt(milestone, window);
        if (due != null && !due.isAfter(now)) {
            throw ProblemException.conflict("acceptance-window-passed", "The acceptance window of milestone " + number
                    + " ended at " + due + ": the delivery counts as accepted and is no longer disputed");
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

    /** How many document links a delivery may carry, and how long each may be. */
    public static final int MAX_DOCUMENTS = DocumentLinks.MAX;
    public static final int MAX_DOCUMENT_LENGTH = DocumentLinks.MAX_LENGTH;

    /**
     * The supplier says a delivery milestone is done, with a note and links to its documents
     * (https only: the platform keeps links, not files). A payment milestone is met by its payment.
     */
    public PlannedMilestone deliverMilestone(int number, String note, List<String> documents, String by, Instant now) {
        requireActive("deliver a milestone");
        PlannedMilestone milestone = signedMilestone(number);
        requireNotFrozen(milestone);
        if (milestone.type() != MilestoneType.DELIVERY) {
            throw ProblemException.conflict("payment-milestone", "Milestone " + number
                    + " is a payment: it is met by recording its payment, not delivered");
        }
        if (milestone.status() != MilestoneStatus.SCHEDULED) {
            throw ProblemException.conflict("milestone-not-scheduled", "Milestone " + number + " is " + milestone.status() + " already");
        }
        List<String> links = DocumentLinks.checked("documents", documents);
        milestone.deliver(note == null || note.isBlank() ? null : note.strip(), links, by, now);
        return milestone;
    }

    /**
     * The buyer accepts a delivered milestone whole ({@code amount} {@code null}: {@code MET}) or in
     * part ({@code PARTIALLY_MET}, more than nothing and less than the milestone). After the
     * acceptance window it counts as accepted already: a 409, as for orders.
     */
    public PlannedMilestone acceptMilestone(int number, BigDecimal amount, String by, java.time.Duration window, Instant now) {
        PlannedMilestone milestone = delivered(number, "accept", window, now);
        if (amount != null && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(milestone.amountUzs()) >= 0)) {
            throw ProblemException.invalidField("amountUzs", "a part accepted is more than 0 and less than the milestone's "
                    + milestone.amountUzs().toPlainString() + " so'm, to the tiyin");
        }
        milestone.accept(amount == null ? milestone.amountUzs() : amount.setScale(2), by, false, now);
        return milestone;
    }

    /** The buyer rejects a delivery with a reason: the milestone is scheduled again, its due date as it was. */
    public PlannedMilestone rejectMilestone(int number, String reason, String by, java.time.Duration window, Instant now) {
        PlannedMilestone milestone = delivered(number, "reject", window, now);
        milestone.reject(reason.strip(), now);
        return milestone;
    }

    /** When the buyer's window to answer a delivery ends; {@code null} if it is not awaiting an answer. */
    public Instant acceptanceDueAt(PlannedMilestone milestone, java.time.Duration window) {
        return milestone.status() == MilestoneStatus.DELIVERED ? milestone.deliveredAt().plus(window) : null;
    }

    /**
     * A delivery left unanswered past the window is accepted whole, as of the window's end (not when
     * a sweep came by); a frozen one waits for its dispute.
     *
     * @return whether it was accepted now
     */
    public boolean acceptIfDue(int number, java.time.Duration window, Instant now) {
        if (status != ContractStatus.ACTIVE) {
            return false;
        }
        PlannedMilestone milestone = signedMilestone(number);
        Instant due = acceptanceDueAt(milestone, window);
        if (milestone.frozen() || due == null || due.isAfter(now)) {
            return false;
        }
        milestone.accept(milestone.amountUzs(), null, true, due);
        return true;
    }

    /**
     * A milestone neither delivered nor met after its due date (in Tashkent) is overdue, once, as of
     * the start of the day after it was due; it can still be delivered.
     *
     * @return whether it became overdue now
     */
    public boolean markOverdue(int number, LocalDate today) {
        if (status != ContractStatus.ACTIVE) {
            return false;
        }
        PlannedMilestone milestone = signedMilestone(number);
        if (milestone.frozen() || milestone.overdueAt() != null || milestone.status() != MilestoneStatus.SCHEDULED
                || !milestone.dueDate().isBefore(today)) {
            return false;
        }
        milestone.overdue(milestone.dueDate().plusDays(1).atStartOfDay(Uzbekistan.ZONE).toInstant());
        return true;
    }

    /**
     * The buyer records a payment it made against a milestone: a delivery milestone once accepted, up
     * to the amount accepted; a payment milestone up to its amount, and it is met when paid in full.
     * Paid on a day from signing to today (Tashkent). The platform records it; no money moves.
     */
    public ContractPayment recordPayment(int number, BigDecimal amount, LocalDate paidOn, String by, LocalDate today, Instant now) {
        requireActive("record a payment");
        PlannedMilestone milestone = signedMilestone(number);
        requireNotFrozen(milestone);
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(LARGEST) > 0) {
            throw ProblemException.invalidField("amountUzs", "must be a positive amount in so'm, to the tiyin");
        }
        if (paidOn == null) {
            throw ProblemException.invalidField("paidOn", "is required");
        }
        if (paidOn.isAfter(today)) {
            throw ProblemException.invalidField("paidOn", "is in the future");
        }
        if (paidOn.isBefore(LocalDate.ofInstant(dateSigned, Uzbekistan.ZONE))) {
            throw ProblemException.invalidField("paidOn", "is before the contract was signed");
        }
        BigDecimal payable;
        if (milestone.type() == MilestoneType.PAYMENT) {
            payable = milestone.amountUzs();
        } else if (milestone.accepted()) {
            payable = milestone.acceptedAmountUzs();
        } else {
            throw ProblemException.conflict("milestone-not-accepted", "Milestone " + number
                    + " is not accepted: payments are recorded against what the buyer accepted");
        }
        BigDecimal total = paidFor(number).add(amount);
        if (total.compareTo(payable) > 0) {
            throw ProblemException.conflict("payment-above-accepted", "amountUzs", "Milestone " + number + " would be paid "
                    + total.toPlainString() + " so'm; its accepted amount is " + payable.toPlainString() + " so'm");
        }
        ContractPayment payment = new ContractPayment(number, amount.setScale(2), paidOn, by, now);
        payments.add(payment);
        if (milestone.type() == MilestoneType.PAYMENT && total.compareTo(payable) == 0) {
            milestone.accept(payable, by, false, now);
        }
        return payment;
    }

    /**
     * {@code COMPLETED} once every milestone of the signed plan is met (or partly met) and paid in
     * full of what was accepted.
     *
     * @return whether it completed now
     */
    public boolean completeIfDone(Instant now) {
        if (status != ContractStatus.ACTIVE) {
            return false;
        }
        for (PlannedMilestone milestone : signedMilestones()) {
            if (!milestone.accepted() || paidFor(milestone.number()).compareTo(milestone.acceptedAmountUzs()) != 0) {
                return false;
            }
        }
        status = ContractStatus.COMPLETED;
        completedAt = now;
        return true;
    }

    /** What one milestone's amount or due date becomes under an amendment. */
    public record MilestoneChange(Integer number, BigDecimal amountUzs, LocalDate dueDate) {
    }

    /**
     * A party proposes new terms: a new value and/or milestones' amounts and due dates, with a
     * rationale. Only milestones not yet accepted change (an amount only while scheduled and unpaid),
     * new dates are today or later, and the amounts in force still add up to the value in force. One
     * proposal at a time; it holds nothing until the other party accepts it.
     */
    public ContractAmendment proposeAmendment(ContractSide side, AmendmentRationale rationale, String description,
                                              BigDecimal newValue, List<MilestoneChange> changes, String by, LocalDate today,
                                              Instant now) {
        requireActive("amend it");
        if (amendments.stream().anyMatch(a -> a.status() == AmendmentStatus.PROPOSED)) {
            throw ProblemException.conflict("amendment-pending", "An amendment awaits its answer; one at a time");
        }
        List<MilestoneChange> asked = changes == null ? List.of() : changes;
        if (newValue == null && asked.isEmpty()) {
            throw ProblemException.invalidField("newValueUzs", "an amendment sets a new value, milestones' amounts or due dates");
        }
        if (newValue != null && (newValue.signum() <= 0 || newValue.stripTrailingZeros().scale() > 2 || newValue.compareTo(LARGEST) > 0)) {
            throw ProblemException.invalidField("newValueUzs", "must be a positive amount in so'm, to the tiyin");
        }
        java.util.Map<Integer, BigDecimal> amounts = new java.util.HashMap<>();
        signedMilestones().forEach(m -> amounts.put(m.number(), m.amountUzs()));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            MilestoneChange change = asked.get(i);
            String at = "milestones[" + i + "].";
            if (change.number() == null || !amounts.containsKey(change.number()) || !seen.add(change.number())) {
                throw ProblemException.invalidField(at + "number", "names no milestone of the signed plan, or one twice");
            }
            PlannedMilestone milestone = signedMilestone(change.number());
            requireNotFrozen(milestone);
            if (change.amountUzs() == null && change.dueDate() == null) {
                throw ProblemException.invalidField(at + "amountUzs", "a change sets an amount, a due date or both");
            }
            if (milestone.accepted()) {
                throw ProblemException.conflict("milestone-accepted", at + "number", "Milestone " + change.number()
                        + " is " + milestone.status() + ": its terms are settled");
            }
            if (change.amountUzs() != null) {
                if (change.amountUzs().signum() <= 0 || change.amountUzs().stripTrailingZeros().scale() > 2
                        || change.amountUzs().compareTo(LARGEST) > 0) {
                    throw ProblemException.invalidField(at + "amountUzs", "must be a positive amount in so'm, to the tiyin");
                }
                if (milestone.status() != MilestoneStatus.SCHEDULED || paidFor(change.number()).signum() > 0) {
                    throw ProblemException.conflict("milestone-under-way", at + "amountUzs", "Milestone " + change.number()
                            + " is delivered or partly paid: its amount no longer changes");
                }
                amounts.put(change.number(), change.amountUzs().setScale(2));
            }
            if (change.dueDate() != null && change.dueDate().isBefore(today)) {
                throw ProblemException.invalidField(at + "dueDate", "is in the past");
            }
        }
        BigDecimal value = newValue != null ? newValue.setScale(2) : valueInForce();
        BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(value) != 0) {
            throw ProblemException.invalidField("milestones", "amounts in force would add up to " + total.toPlainString()
                    + " so'm; the value would be " + value.toPlainString() + " so'm");
        }
        int number = amendments.size() + 1;
        ContractAmendment amendment = new ContractAmendment(number, side, by, now, rationale, description.strip(),
                newValue == null ? null : value, valueInForce());
        amendments.add(amendment);
        for (MilestoneChange change : asked) {
            amendedMilestones.add(new AmendedMilestone(number, change.number(),
                    change.amountUzs() == null ? null : change.amountUzs().setScale(2), change.dueDate()));
        }
        return amendment;
    }

    /**
     * The other party accepts the amendment it read (its terms are in force from now; the value at
     * signing stays as it was) or declines it.
     */
    public ContractAmendment answerAmendment(ContractSide side, int number, boolean accept, String by, Instant now) {
        requireActive("answer an amendment");
        ContractAmendment amendment = amendments.stream().filter(a -> a.number() == number).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Amendment " + number + " of contract " + id));
        if (amendment.status() != AmendmentStatus.PROPOSED) {
            throw ProblemException.conflict("amendment-answered", "Amendment " + number + " is " + amendment.status() + " already");
        }
        if (amendment.proposedBySide() == side) {
            throw ProblemException.forbidden("not-the-other-party", "The party that proposed an amendment does not answer it");
        }
        if (!accept) {
            amendment.answer(AmendmentStatus.DECLINED, by, now);
            return amendment;
        }
        for (AmendedMilestone change : amendmentChanges(number)) {
            PlannedMilestone milestone = signedMilestone(change.milestoneNumber());
            requireNotFrozen(milestone);
            if (milestone.accepted() || (change.amountUzs() != null && (milestone.status() != MilestoneStatus.SCHEDULED
                    || paidFor(change.milestoneNumber()).signum() > 0))) {
                throw ProblemException.conflict("amendment-outdated", "Milestone " + change.milestoneNumber()
                        + " moved on since the amendment was proposed; propose it again");
            }
        }
        amendmentChanges(number).forEach(change -> signedMilestone(change.milestoneNumber()).amend(change.amountUzs(), change.dueDate()));
        if (amendment.newValueUzs() != null) {
            amendedValueUzs = amendment.newValueUzs();
        }
        amendment.answer(AmendmentStatus.ACCEPTED, by, now);
        return amendment;
    }

    /**
     * One party ends the contract early, with a reason, stating what was paid so far: it must be what
     * the payments recorded add up to (the record is the platform's, so a different sum is a 409
     * naming {@code paidUzs}: record the missing payment first). Nothing changes afterwards.
     */
    public void terminate(ContractSide side, String reason, BigDecimal paidUzs, String by, Instant now) {
        requireActive("terminate it");
        requirePaidAsRecorded(paidUzs);
        end(TerminationKind.BY_ONE_PARTY, side, reason, paidUzs, by, now);
    }

    /** A party proposes ending it by agreement; it ends when the other accepts. A later proposal replaces it. */
    public void proposeTermination(ContractSide side, String reason, BigDecimal paidUzs, String by, Instant now) {
        requireActive("propose ending it");
        requirePaidAsRecorded(paidUzs);
        terminationKind = TerminationKind.BY_AGREEMENT;
        terminationSide = side;
        terminationBy = by;
        terminationReason = reason.strip();
        terminationPaidUzs = paidUzs.setScale(2);
        terminationProposedAt = now;
    }

    /** The other party agrees to the proposed termination: the contract is {@code TERMINATED}. */
    public void agreeToTermination(ContractSide side, Instant now) {
        requireActive("agree to end it");
        if (terminationProposedAt == null) {
            throw ProblemException.conflict("no-termination-proposed", "Nobody proposed ending contract " + id);
        }
        if (terminationSide == side) {
            throw ProblemException.forbidden("not-the-other-party", "The party that proposed ending it does not agree to it");
        }
        requirePaidAsRecorded(terminationPaidUzs);
        status = ContractStatus.TERMINATED;
        terminatedAt = now;
    }

    private void end(TerminationKind kind, ContractSide side, String reason, BigDecimal paidUzs, String by, Instant now) {
        terminationKind = kind;
        terminationSide = side;
        terminationBy = by;
        terminationReason = reason.strip();
        terminationPaidUzs = paidUzs.setScale(2);
        terminatedAt = now;
        status = ContractStatus.TERMINATED;
    }

    private void requirePaidAsRecorded(BigDecimal paidUzs) {
        if (paidUzs == null || paidUzs.signum() < 0 || paidUzs.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalidField("paidUzs", "is the amount paid so far in so'm, to the tiyin (0 if nothing)");
        }
        if (paidUzs.compareTo(paidTotal()) != 0) {
            throw ProblemException.conflict("paid-not-as-recorded", "paidUzs", "Payments recorded add up to "
                    + paidTotal().toPlainString() + " so'm, not " + paidUzs.toPlainString() + "; record what is missing first");
        }
    }

    /** The value in force: the last accepted amendment's, or else the value at signing. */
    public BigDecimal valueInForce() {
        return amendedValueUzs != null ? amendedValueUzs : valueUzs;
    }

    public BigDecimal paidFor(int number) {
        return payments.stream().filter(p -> p.milestoneNumber() == number).map(ContractPayment::amountUzs)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal paidTotal() {
        return payments.stream().map(ContractPayment::amountUzs).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal acceptedTotal() {
        return signedMilestones().stream().filter(PlannedMilestone::accepted).map(PlannedMilestone::acceptedAmountUzs)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public List<AmendedMilestone> amendmentChanges(int amendmentNumber) {
        return amendedMilestones.stream().filter(change -> change.amendmentNumber() == amendmentNumber).toList();
    }

    private PlannedMilestone delivered(int number, String action, java.time.Duration window, Instant now) {
        requireActive(action + " a milestone");
        PlannedMilestone milestone = signedMilestone(number);
        requireNotFrozen(milestone);
        if (milestone.status() != MilestoneStatus.DELIVERED) {
            throw ProblemException.conflict("milestone-not-delivered", "Milestone " + number + " is " + milestone.status()
                    + ": only a delivered one is accepted or rejected");
        }
        if (!acceptanceDueAt(milestone, window).isAfter(now)) {
            throw ProblemException.conflict("acceptance-window-passed", "The acceptance window of milestone " + number
                    + " ended at " + acceptanceDueAt(milestone, window) + ": it counts as accepted");
        }
        return milestone;
    }

    private void requireActive(String action) {
        if (status != ContractStatus.ACTIVE) {
            throw ProblemException.conflict("contract-not-active", "Contract " + id + " is " + status + ": nobody can " + action);
        }
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
    public List<ContractPayment> payments() { return List.copyOf(payments); }
    public List<ContractAmendment> amendments() { return List.copyOf(amendments); }
    public Instant completedAt() { return completedAt; }
    public TerminationKind terminationKind() { return terminationKind; }
    public ContractSide terminationSide() { return terminationSide; }
    public String terminationBy() { return terminationBy; }
    public String terminationReason() { return terminationReason; }
    public BigDecimal terminationPaidUzs() { return terminationPaidUzs; }
    public Instant terminationProposedAt() { return terminationProposedAt; }
    public Instant terminatedAt() { return terminatedAt; }
    public long version() { return version; }
}
