package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A disagreement between the two parties of an order or a contract about one thing: the whole
 * order, a month of a subscription, or a contract's milestone. One party opens it; the other answers
 * within the response window; the two settle it by both confirming one outcome, or either sends it
 * to the administration of the buyer's region, which decides with a written reason. Missing the
 * window sends it there by itself. Its rules are here, free of HTTP and the database; applying the
 * outcome to the subject is the subject's own business.
 *
 * <p>The seller of an order and the supplier of a contract are both the {@link OrderSide#SELLER}
 * side here.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

    /** Who escalated it when nobody answered within the response window. */
    public static final String BY_RESPONSE_WINDOW = "RESPONSE_WINDOW";

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, updatable = false)
    private DisputeSubject subjectKind;

    @Column(name = "order_id", updatable = false)
    private UUID orderId;

    @Column(name = "contract_id", updatable = false)
    private UUID contractId;

    /** The month or milestone number; null for a whole order. */
    @Column(name = "subject_number", updatable = false)
    private Integer subjectNumber;

    /** The subject's amount when the dispute was opened: no outcome may accept more. */
    @Column(name = "subject_amount_uzs", nullable = false, updatable = false)
    private BigDecimal subjectAmountUzs;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "buyer_id", nullable = false, updatable = false)
    private UUID buyerId;

    @Column(name = "seller_id", nullable = false, updatable = false)
    private UUID sellerId;

    /** The buyer's region when it was opened: its administration decides. Null when the directory had none. */
    @Column(name = "buyer_region_code", updatable = false)
    private String buyerRegionCode;

    @Column(name = "seller_region_code", updatable = false)
    private String sellerRegionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "opened_by_side", nullable = false, updatable = false)
    private OrderSide openedBySide;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false, updatable = false)
    private DisputeReason reasonCode;

    @Column(nullable = false, updatable = false)
    private String text;

    /** Links to the documents of each step (https, see {@link DocumentLinks}); none when the step had none. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "opening_documents", nullable = false, updatable = false)
    private List<String> openingDocuments = List.of();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "response_documents", nullable = false)
    private List<String> responseDocuments = List.of();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "resolution_documents", nullable = false)
    private List<String> resolutionDocuments = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status;

    @Column(name = "response_due_at", nullable = false, updatable = false)
    private Instant responseDueAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "responded_by")
    private String respondedBy;

    @Column(name = "response_text")
    private String responseText;

    @Enumerated(EnumType.STRING)
    @Column(name = "buyer_outcome")
    private DisputeOutcome buyerOutcome;

    @Column(name = "buyer_amount_uzs")
    private BigDecimal buyerAmountUzs;

    @Enumerated(EnumType.STRING)
    @Column(name = "seller_outcome")
    private DisputeOutcome sellerOutcome;

    @Column(name = "seller_amount_uzs")
    private BigDecimal sellerAmountUzs;

    @Enumerated(EnumType.STRING)
    private DisputeOutcome outcome;

    @Column(name = "outcome_amount_uzs")
    private BigDecimal outcomeAmountUzs;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    /** {@code BUYER}, {@code SELLER} or {@link #BY_RESPONSE_WINDOW}. */
    @Column(name = "escalated_by")
    private String escalatedBy;

    @Column(name = "escalation_text")
    private String escalationText;

    /** The deciding administration user, and the region it decided for. */
    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_for_region")
    private String resolvedForRegion;

    @Column(name = "resolution_reason")
    private String resolutionReason;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Dispute() {
    }

    /** What a dispute is about, as the subject describes itself when the dispute is opened. */
    public record Subject(DisputeSubject kind, UUID orderId, UUID contractId, Integer number, BigDecimal amountUzs,
                          UUID buyerId, String buyerRegionCode, UUID sellerId, String sellerRegionCode) {
    }

    public static Dispute open(UUID id, Subject subject, OrderSide side, String by, DisputeReason reason, String text,
                               Duration responseWindow, Instant now) {
        return open(id, subject, side, by, reason, text, List.of(), responseWindow, now);
    }

    public static Dispute open(UUID id, Subject subject, OrderSide side, String by, DisputeReason reason, String text,
                               List<String> documents, Duration responseWindow, Instant now) {
        List<String> links = DocumentLinks.checked("documents", documents);
        Dispute dispute = new Dispute();
        dispute.id = id;
        dispute.subjectKind = subject.kind();
        dispute.orderId = subject.orderId();
        dispute.contractId = subject.contractId();
        dispute.subjectNumber = subject.number();
        dispute.subjectAmountUzs = subject.amountUzs();
        dispute.currency = Pricing.CURRENCY;
        dispute.buyerId = subject.buyerId();
        dispute.buyerRegionCode = subject.buyerRegionCode();
        dispute.sellerId = subject.sellerId();
        dispute.sellerRegionCode = subject.sellerRegionCode();
        dispute.openedBySide = side;
        dispute.openedBy = by;
        dispute.reasonCode = reason;
        dispute.text = text;
        dispute.openingDocuments = links;
        dispute.status = DisputeStatus.OPEN;
        dispute.responseDueAt = now.plus(responseWindow);
        dispute.openedAt = now;
        dispute.updatedAt = now;
        return dispute;
    }

    /**
     * The other party's answer. The window is the rule, not the sweep: once it has ended the dispute
     * is the administration's even if the sweep has not come by yet (the service may have been down).
     */
    public void respond(OrderSide side, String by, String answer, Instant now) {
        respond(side, by, answer, List.of(), now);
    }

    public void respond(OrderSide side, String by, String answer, List<String> documents, Instant now) {
        require("be answered", DisputeStatus.OPEN);
        List<String> links = DocumentLinks.checked("documents", documents);
        if (side == openedBySide) {
            throw ProblemException.forbidden("not-the-other-party", "The " + otherSide().name().toLowerCase()
                    + " answers this dispute: the " + side.name().toLowerCase() + " opened it");
        }
        if (!now.isBefore(responseDueAt)) {
            throw ProblemException.conflict("response-window-passed", "text", "The response window of dispute " + id
                    + " ended at " + responseDueAt + ": it goes to the administration");
        }
        status = DisputeStatus.RESPONDED;
        respondedAt = now;
        respondedBy = by;
        responseText = answer;
        responseDocuments = links;
        updatedAt = now;
    }

    /**
     * One party confirms an outcome; when the other has confirmed the same one (and the same amount)
     * the dispute is {@code SETTLED}. A party may change its mind until then.
     *
     * @return whether this confirmation settled it
     */
    public boolean confirm(OrderSide side, DisputeOutcome chosen, BigDecimal amount, Instant now) {
        require("be settled", DisputeStatus.RESPONDED);
        BigDecimal checked = checkedAmount(chosen, amount);
        if (side == OrderSide.BUYER) {
            buyerOutcome = chosen;
            buyerAmountUzs = checked;
        } else {
            sellerOutcome = chosen;
            sellerAmountUzs = checked;
        }
        updatedAt = now;
        if (buyerOutcome != null && buyerOutcome == sellerOutcome && Objects.equals(buyerAmountUzs, sellerAmountUzs)) {
            status = DisputeStatus.SETTLED;
            end(chosen, checked, now);
            return true;
        }
        return false;
    }

    /** Either party sends it to the administration of the buyer's region. */
    public void escalate(OrderSide side, String note, Instant now) {
        require("be escalated", DisputeStatus.OPEN, DisputeStatus.RESPONDED);
        status = DisputeStatus.ESCALATED;
        escalatedBy = side.name();
        escalationText = note;
        escalatedAt = now;
        updatedAt = now;
    }

    /** Nobody answered within the window: escalated as of the moment it ended. */
    public boolean escalateIfUnanswered(Instant now) {
        if (status != DisputeStatus.OPEN || now.isBefore(responseDueAt)) {
            return false;
        }
        status = DisputeStatus.ESCALATED;
        escalatedBy = BY_RESPONSE_WINDOW;
        escalatedAt = responseDueAt;
        updatedAt = now;
        return true;
    }

    /** The administration of the buyer's region ({@code region}, or the republic's) decides, with a written reason. */
    public void resolve(DisputeOutcome decided, BigDecimal amount, String reason, String by, String region, Instant now) {
        resolve(decided, amount, reason, List.of(), by, region, now);
    }

    public void resolve(DisputeOutcome decided, BigDecimal amount, String reason, List<String> documents, String by,
                        String region, Instant now) {
        require("be decided", DisputeStatus.ESCALATED);
        BigDecimal checked = checkedAmount(decided, amount);
        List<String> links = DocumentLinks.checked("documents", documents);
        status = DisputeStatus.RESOLVED;
        resolvedBy = by;
        resolvedForRegion = region;
        resolutionReason = reason;
        resolutionDocuments = links;
        end(decided, checked, now);
    }

    /**
     * What the subject is accepted at: its amount, the agreed part, nothing when an order or a month
     * is cancelled; null while it is redone, and for a milestone's CANCEL, which withdraws the dispute
     * and leaves the milestone's amount to the contract.
     */
    public BigDecimal settledUzs() {
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case ACCEPT -> subjectAmountUzs;
            case PARTIAL_AMOUNT -> outcomeAmountUzs;
            case CANCEL -> subjectKind == DisputeSubject.MILESTONE ? null : BigDecimal.ZERO.setScale(2);
            case REDO -> null;
        };
    }

    public OrderSide otherSide() {
        return openedBySide == OrderSide.BUYER ? OrderSide.SELLER : OrderSide.BUYER;
    }

    public UUID party(OrderSide side) {
        return side == OrderSide.BUYER ? buyerId : sellerId;
    }

    private BigDecimal checkedAmount(DisputeOutcome chosen, BigDecimal amount) {
        if (chosen == null) {
            throw ProblemException.invalidField("outcome", "is required: ACCEPT, REDO, PARTIAL_AMOUNT or CANCEL");
        }
        if (chosen != DisputeOutcome.PARTIAL_AMOUNT) {
            if (amount != null) {
                throw ProblemException.invalidField("amountUzs", "is only for PARTIAL_AMOUNT");
            }
            return null;
        }
        if (amount == null) {
            throw ProblemException.invalidField("amountUzs", "is required for PARTIAL_AMOUNT");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalidField("amountUzs", "must be a positive amount in so'm, to the tiyin");
        }
        if (amount.compareTo(subjectAmountUzs) >= 0) {
            throw ProblemException.invalidField("amountUzs", "must be less than the disputed " + subjectAmountUzs.toPlainString()
                    + " so'm (ACCEPT takes all of it)");
        }
        return amount.setScale(2);
    }

    private void end(DisputeOutcome decided, BigDecimal amount, Instant now) {
        outcome = decided;
        outcomeAmountUzs = amount;
        closedAt = now;
        updatedAt = now;
    }

    private void require(String action, DisputeStatus... allowed) {
        for (DisputeStatus each : allowed) {
            if (each == status) {
                return;
            }
        }
        throw ProblemException.conflict("dispute-" + status.name().toLowerCase(), "Dispute " + id + " is " + status
                + " and cannot " + action);
    }

    public UUID id() { return id; }
    public DisputeSubject subjectKind() { return subjectKind; }
    public UUID orderId() { return orderId; }
    public UUID contractId() { return contractId; }
    public Integer subjectNumber() { return subjectNumber; }
    public BigDecimal subjectAmountUzs() { return subjectAmountUzs; }
    public String currency() { return currency; }
    public UUID buyerId() { return buyerId; }
    public UUID sellerId() { return sellerId; }
    public String buyerRegionCode() { return buyerRegionCode; }
    public String sellerRegionCode() { return sellerRegionCode; }
    public OrderSide openedBySide() { return openedBySide; }
    public String openedBy() { return openedBy; }
    public DisputeReason reasonCode() { return reasonCode; }
    public String text() { return text; }
    public List<String> openingDocuments() { return List.copyOf(openingDocuments); }
    public List<String> responseDocuments() { return List.copyOf(responseDocuments); }
    public List<String> resolutionDocuments() { return List.copyOf(resolutionDocuments); }
    public DisputeStatus status() { return status; }
    public Instant responseDueAt() { return responseDueAt; }
    public Instant respondedAt() { return respondedAt; }
    public String respondedBy() { return respondedBy; }
    public String responseText() { return responseText; }
    public DisputeOutcome buyerOutcome() { return buyerOutcome; }
    public BigDecimal buyerAmountUzs() { return buyerAmountUzs; }
    public DisputeOutcome sellerOutcome() { return sellerOutcome; }
    public BigDecimal sellerAmountUzs() { return sellerAmountUzs; }
    public DisputeOutcome outcome() { return outcome; }
    public BigDecimal outcomeAmountUzs() { return outcomeAmountUzs; }
    public Instant escalatedAt() { return escalatedAt; }
    public String escalatedBy() { return escalatedBy; }
    public String escalationText() { return escalationText; }
    public String resolvedBy() { return resolvedBy; }
    public String resolvedForRegion() { return resolvedForRegion; }
    public String resolutionReason() { return resolutionReason; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
