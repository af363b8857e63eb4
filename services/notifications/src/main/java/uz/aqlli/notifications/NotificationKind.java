package uz.aqlli.notifications;

/**
 * What a user is told of, each with the page it links to under the gateway's address ({@code {id}} is
 * the notification's subject: a request, order, contract, dispute, flag or organization): the
 * console's own page where it has one (a request, an organization, the user's own organization on
 * {@code /my}), else the API's document of the subject through the gateway (orders, contracts,
 * disputes, red flags have no console page yet).
 */
public enum NotificationKind {
    REQUEST_PUBLISHED("/requests/{id}"),
    QUESTION_ANSWERED("/requests/{id}"),
    BIDS_REVEALED("/requests/{id}"),
    BID_WON("/requests/{id}"),
    BID_NOT_CHOSEN("/requests/{id}"),
    REQUEST_UNSUCCESSFUL("/requests/{id}"),
    REQUEST_CANCELLED("/requests/{id}"),
    AWARD_DECLINED("/requests/{id}"),

    ORDER_APPROVAL_REQUESTED("/api/orders/orders/{id}"),
    ORDER_PLACED("/api/orders/orders/{id}"),
    ORDER_REJECTED("/api/orders/orders/{id}"),
    ORDER_QUOTED("/api/orders/orders/{id}"),
    ORDER_CONFIRMED("/api/orders/orders/{id}"),
    ORDER_REFUSED("/api/orders/orders/{id}"),
    ORDER_DELIVERED("/api/orders/orders/{id}"),
    ORDER_MONTH_ACCEPTED("/api/orders/orders/{id}"),
    ORDER_COMPLETED("/api/orders/orders/{id}"),
    ORDER_CANCELLED("/api/orders/orders/{id}"),

    CONTRACT_CREATED("/api/orders/contracts/{id}"),
    PLAN_PROPOSED("/api/orders/contracts/{id}"),
    CONTRACT_SIGNED("/api/orders/contracts/{id}"),
    CONTRACT_ACTIVE("/api/orders/contracts/{id}"),
    SIGNING_REFUSED("/api/orders/contracts/{id}"),
    MILESTONE_DELIVERED("/api/orders/contracts/{id}"),
    MILESTONE_ACCEPTED("/api/orders/contracts/{id}"),
    MILESTONE_REJECTED("/api/orders/contracts/{id}"),
    MILESTONE_DUE_SOON("/api/orders/contracts/{id}"),
    MILESTONE_OVERDUE("/api/orders/contracts/{id}"),
    PAYMENT_RECORDED("/api/orders/contracts/{id}"),
    CONTRACT_AMENDED("/api/orders/contracts/{id}"),
    CONTRACT_COMPLETED("/api/orders/contracts/{id}"),
    CONTRACT_TERMINATED("/api/orders/contracts/{id}"),

    DISPUTE_OPENED("/api/orders/disputes/{id}"),
    DISPUTE_RESPONDED("/api/orders/disputes/{id}"),
    DISPUTE_ESCALATED("/api/orders/disputes/{id}"),
    DISPUTE_SETTLED("/api/orders/disputes/{id}"),
    DISPUTE_RESOLVED("/api/orders/disputes/{id}"),

    RATINGS_PUBLISHED("/organizations/{id}"),

    RED_FLAG_RAISED("/api/integrity/red-flags/{id}"),

    ORGANIZATION_VERIFIED("/my"),
    ORGANIZATION_REJECTED("/my"),
    ORGANIZATION_SUSPENDED("/my"),
    ORGANIZATION_REINSTATED("/my");

    private final String page;

    NotificationKind(String page) {
        this.page = page;
    }

    /** The console path of the page concerned, for a notification about {@code subjectId}. */
    public String page(String subjectId) {
        return page.replace("{id}", subjectId);
    }
}
