package uz.aqlli.platform.events;

/**
 * Every Kafka topic of the platform, with the partition count it is created with.
 *
 * <p>Topics are per aggregate type, and records are keyed by the aggregate id, so events of
 * one aggregate stay in order. Brokers run with topic auto-creation off: a topic that is not
 * listed here does not exist.
 */
public enum Topic {
    ORGANIZATIONS("aqlli.catalog.organizations", 6),
    PRODUCTS("aqlli.catalog.products", 6),
    OFFERS("aqlli.offers.offers", 6),
    SERVICE_REQUESTS("aqlli.offers.service-requests", 6),
    ORDERS("aqlli.orders.orders", 6),
    /** Events the data lake could not handle, kept with the reason instead of being dropped. */
    DATALAKE_DEAD_LETTERS("aqlli.datalake.dead-letters", 1);

    private final String topicName;
    private final int partitions;

    Topic(String topicName, int partitions) {
        this.topicName = topicName;
        this.partitions = partitions;
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }
}
