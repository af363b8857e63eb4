package uz.aqlli.orders.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.orders.Contract;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, UUID> {

    public Optional<Contract> ofBid(UUID bidId) {
        return find("bidId", bidId).firstResultOptional();
    }

    public PanacheQuery<Contract> ofRequest(UUID requestId) {
        return find("requestId", Sort.by("createdAt").and("id"), requestId);
    }

    public PanacheQuery<Contract> bought(UUID organization) {
        return find("buyerId", Sort.by("createdAt").descending().and("id"), organization);
    }

    public PanacheQuery<Contract> supplied(UUID organization) {
        return find("supplierId", Sort.by("createdAt").descending().and("id"), organization);
    }
}
