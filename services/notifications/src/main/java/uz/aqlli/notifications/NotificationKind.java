package uz.aqlli.notifications;

/**
 * What a user is told of, each with the console page it links to ({@code {id}} is the notification's
 * subject: a request, order, contract, dispute or organization).
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

    ORDER_APPROVAL_REQUESTED("/orders/{id}"),
    ORDER_PLACED("/orders/{id}"),
    ORDER_REJECTED("/orders/{id}"),
    ORDER_QUOTED("/orders/{id}"),
    ORDER_CONFIRMED("/orders/{id}"),
    ORDER_REFUSED("/orders/{id}"),
    ORDER_DELIVERED("/orders/{id}"),
    ORDER_MONTH_ACCEPTED("/orders/{id}"),
    ORDER_COMPLETED("/orders/{id}"),
    ORDER_CANCELLED("/orders/{id}"),

    CONTRACT_CREATED("/contracts/{id}"),
    PLAN_PROPOSED("/contracts/{id}"),
    CONTRACT_SIGNED("/contracts/{id}"),
    CONTRACT_ACTIVE("/contracts/{id}"),
    SIGNING_REFUSED("/contracts/{id}"),
    MILESTONE_DELIVERED("/contracts/{id}"),
    MILESTONE_ACCEPTED("/contracts/{id}"),
    MILESTONE_REJECTED("/contracts/{id}"),
    MILESTONE_DUE_SOON("/contracts/{id}"),
    MILESTONE_OVERDUE("/contracts/{id}"),
    PAYMENT_RECORDED("/contracts/{id}"),
    CONTRACT_AMENDED("/contracts/{id}"),
    CONTRACT_COMPLETED("/contracts/{id}"),
    CONTRACT_TERMINATED("/contracts/{id}"),

    DISPUTE_OPENED("/disputes/{id}"),
    DISPUTE_RESPONDED("/disputes/{id}"),
    DISPUTE_ESCALATED("/disputes/{id}"),
    DISPUTE_SETTLED("/disputes/{id}"),
    DISPUTE_RESOLVED("/disputes/{id}"),

    RATINGS_PUBLISHED("/organizations/{id}"),

    RED_FLAG_RAISED("/red-flags/{id}"),

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
