package uz.aqlli.platform.events;

/** Every event of {@code aqlli.orders.disputes}: keyed by the dispute, with its facts after the change. */
public interface DisputeEvent extends IntegrationEvent {

    DisputeFacts dispute();

    @Override
    default String aggregateId() {
        return dispute().disputeId().toString();
    }
}
