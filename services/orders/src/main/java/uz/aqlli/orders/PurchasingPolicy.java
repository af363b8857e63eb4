package uz.aqlli.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A buying organization's rule, set by its manager: an order above the approval threshold, placed by
 * any other member, waits for the manager before the seller sees it. No threshold: no approvals.
 */
@Entity
@Table(name = "purchasing_policy")
public class PurchasingPolicy {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(name = "approval_threshold_uzs")
    private BigDecimal approvalThresholdUzs;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PurchasingPolicy() {
    }

    public static PurchasingPolicy of(UUID organizationId, BigDecimal threshold, String manager, Instant now) {
        PurchasingPolicy policy = new PurchasingPolicy();
        policy.organizationId = organizationId;
        policy.change(threshold, manager, now);
        return policy;
    }

    public void change(BigDecimal threshold, String manager, Instant now) {
        approvalThresholdUzs = threshold == null ? null : Pricing.money(threshold);
        updatedBy = manager;
        updatedAt = now;
    }

    /** Whether an order of {@code amount} placed by someone other than the manager must wait for the manager. */
    public boolean needsApproval(BigDecimal amount) {
        return approvalThresholdUzs != null && amount != null && amount.compareTo(approvalThresholdUzs) > 0;
    }

    public UUID organizationId() { return organizationId; }
    public BigDecimal approvalThresholdUzs() { return approvalThresholdUzs; }
    public String updatedBy() { return updatedBy; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
