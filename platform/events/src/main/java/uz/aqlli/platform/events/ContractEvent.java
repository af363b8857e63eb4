package uz.aqlli.platform.events;

/** Every event of {@code aqlli.orders.contracts}: keyed by the contract, with its facts after the change. */
public interface ContractEvent extends IntegrationEvent {

    ContractFacts contract();

    @Override
    default String aggregateId() {
        return contract().contractId().toString();
    }
}
