package uz.aqlli.platform.runtime.consumer;

import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One consumer's name (its inbox), where its dead letters go, and which events it handles.
 *
 * <pre>{@code
 * Subscription.named("organization-standing", Topic.OFFERS_DEAD_LETTERS)
 *         .on(Topic.ORGANIZATIONS, OrganizationEvent.class, standings::apply);
 * }</pre>
 *
 * An event of a known type that no handler takes is not this consumer's business: it is passed
 * over without a trace. A record that is no event of its topic at all is a dead letter, unless the
 * subscription keeps the unknown ({@link #otherwise}): then a CloudEvent of a type or on a topic
 * this build does not know goes to that handler instead.
 */
public final class Subscription {

    private final String consumer;
    private final Topic deadLetters;
    private final List<Route<?>> routes = new ArrayList<>();
    private RawEventHandler unknown;

    private Subscription(String consumer, Topic deadLetters) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
    }

    public static Subscription named(String consumer, Topic deadLetters) {
        return new Subscription(consumer, deadLetters);
    }

    /** Hands every event on {@code topic} that is a {@code type} (a record or an interface it implements) to {@code handler}. */
    public <E extends IntegrationEvent> Subscription on(Topic topic, Class<E> type, EventHandler<? super E> handler) {
        routes.add(new Route<>(topic, type, handler));
        return this;
    }

    /**
     * Hands every CloudEvent whose topic or type this build does not know to {@code handler}, raw,
     * instead of dead-lettering it: for a consumer that must keep everything, including what a
     * newer producer sends. A foreign source on a known topic and data that does not fit a known
     * type stay dead letters.
     */
    public Subscription otherwise(RawEventHandler handler) {
        this.unknown = handler;
        return this;
    }

    Optional<RawEventHandler> unknown() {
        return Optional.ofNullable(unknown);
    }

    public String consumer() {
        return consumer;
    }

    public Topic deadLetters() {
        return deadLetters;
    }

    Optional<Route<?>> routeFor(Topic topic, Class<? extends IntegrationEvent> type) {
        return routes.stream().filter(route -> route.topic == topic && route.type.isAssignableFrom(type)).findFirst();
    }

    record Route<E extends IntegrationEvent>(Topic topic, Class<E> type, EventHandler<? super E> handler) {

        void handle(IntegrationEvent event, Delivery delivery) {
            handler.handle(type.cast(event), delivery);
        }
    }
}
