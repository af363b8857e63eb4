package uz.aqlli.orders.service;

import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderSide;
import uz.aqlli.orders.repository.OrderRepository;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.Optional;
import java.util.UUID;

/**
 * Who sees an order: the buyer's members and its region's administration; once it is placed (never
 * while it waits for the buyer's approval, nor after the buyer's manager rejected it) also the
 * seller's members and the seller's region's administration. Everyone else
 * gets 404, so nobody learns that an order exists. Who may act on it is narrower: each step belongs
 * to one side.
 */
@ApplicationScoped
public class OrderAccess {

    private final OrderRepository orders;
    private final Caller caller;

    OrderAccess(OrderRepository orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    public Order visible(UUID id) {
        Order order = orders.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (sees(order)) {
            return order;
        }
        throw notFound(id);
    }

    public boolean sees(Order order) {
        return caller.memberOf(order.buyerId())
                || order.placed() && caller.memberOf(order.sellerId())
                || caller.administers(order.buyerRegionCode())
                || order.placed() && caller.administers(order.sellerRegionCode());
    }

    /** The order for a step of {@code side}; who sees it but is not that side gets 403 saying who may. */
    public Order actingAs(OrderSide side, UUID id, String action) {
        Order order = visible(id);
        if (side(order).filter(side::equals).isEmpty()) {
            throw ProblemException.forbidden(side == OrderSide.BUYER ? "not-the-buyer" : "not-the-seller",
                    "Only the " + side.name().toLowerCase() + "'s members " + action);
        }
        return order;
    }

    /** Which side the caller is on, if either. */
    public Optional<OrderSide> side(Order order) {
        if (caller.memberOf(order.buyerId())) {
            return Optional.of(OrderSide.BUYER);
        }
        if (order.placed() && caller.memberOf(order.sellerId())) {
            return Optional.of(OrderSide.SELLER);
        }
        return Optional.empty();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Order " + id);
    }
}
