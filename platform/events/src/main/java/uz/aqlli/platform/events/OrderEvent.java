package uz.aqlli.platform.events;

/** Every event of {@code aqlli.orders.orders}: keyed by the order, with the order's facts after the change. */
public interface OrderEvent extends IntegrationEvent {

    OrderFacts order();

    @Override
    default String aggregateId() {
        return order().orderId().toString();
    }
}
