package uz.aqlli.orders.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import uz.aqlli.orders.ListedOffer;
import uz.aqlli.orders.ListedProduct;
import uz.aqlli.orders.PurchasingPolicy;
import uz.aqlli.orders.TradingParty;

import java.util.Optional;
import java.util.UUID;

/** Reads of orders' copies of the market (products, offers, organizations) and of buying rules. */
@ApplicationScoped
public class MarketRepository {

    private final EntityManager entityManager;

    MarketRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<ListedProduct> product(UUID id) {
        return Optional.ofNullable(entityManager.find(ListedProduct.class, id));
    }

    public Optional<ListedOffer> offer(UUID id) {
        return Optional.ofNullable(entityManager.find(ListedOffer.class, id));
    }

    public Optional<TradingParty> party(UUID id) {
        return Optional.ofNullable(entityManager.find(TradingParty.class, id));
    }

    public Optional<PurchasingPolicy> policy(UUID organization) {
        return Optional.ofNullable(entityManager.find(PurchasingPolicy.class, organization));
    }

    public void persist(PurchasingPolicy policy) {
        entityManager.persist(policy);
    }

    public void flush() {
        entityManager.flush();
    }
}
