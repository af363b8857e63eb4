package uz.aqlli.orders.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.ReadOnlyMode;
import uz.aqlli.orders.ListedOffer;
import uz.aqlli.orders.ListedProduct;
import uz.aqlli.orders.PurchasingPolicy;
import uz.aqlli.orders.TradingParty;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads of orders' copies of the market (products, offers, organizations) and of buying rules.
 *
 * <p>The copies are read-only here (only {@code MarketCopies}' statements change them): loaded so, the
 * session keeps no snapshot of them, so their JSON columns (names, tiers) are not copied once more on
 * load and compared again at every flush of a placement.
 */
@ApplicationScoped
public class MarketRepository {

    private final EntityManager entityManager;

    MarketRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<ListedProduct> product(UUID id) {
        return Optional.ofNullable(entityManager.find(ListedProduct.class, id, ReadOnlyMode.READ_ONLY));
    }

    public Optional<ListedOffer> offer(UUID id) {
        return Optional.ofNullable(entityManager.find(ListedOffer.class, id, ReadOnlyMode.READ_ONLY));
    }

    public Optional<TradingParty> party(UUID id) {
        return Optional.ofNullable(entityManager.find(TradingParty.class, id, ReadOnlyMode.READ_ONLY));
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
