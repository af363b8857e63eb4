package uz.aqlli.offers.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.offers.Offer;
import uz.aqlli.offers.OfferStatus;

import java.util.UUID;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    /**
     * Offers matching {@code filter} ({@code null} fields of the filter are not applied); with
     * {@code tradingProvidersOnly}, none of a provider the directory has since suspended: they
     * leave the board while it lasts and come back, still published, when it is verified again.
     */
    public PanacheQuery<Offer> search(OfferFilter filter, boolean tradingProvidersOnly) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (tradingProvidersOnly) {
            where.append(" and not exists (select 1 from ProviderStanding s where s.organizationId = o.providerId"
                    + " and s.status <> 'VERIFIED')");
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.providerId() != null) {
            where.append(" and providerId = :provider");
            parameters.and("provider", filter.providerId());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            parameters.and("category", filter.category());
        }
        if (filter.pricingModel() != null) {
            where.append(" and pricingModel = :pricing");
            parameters.and("pricing", filter.pricingModel());
        }
        if (filter.regionCode() != null) {
            where.append(" and array_contains(regionsServed, :region)");
            parameters.and("region", filter.regionCode());
        }
        if (filter.minPrice() != null) {
            where.append(" and priceUzs >= :minPrice");
            parameters.and("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.append(" and priceUzs <= :maxPrice");
            parameters.and("maxPrice", filter.maxPrice());
        }
        // The id breaks ties so that pages never overlap or skip when prices or times are equal.
        String order = switch (filter.sort()) {
            case PRICE_ASC -> " order by priceUzs asc, id";
            case PRICE_DESC -> " order by priceUzs desc, id";
            case NEWEST -> filter.status() == OfferStatus.PUBLISHED ? " order by publishedAt desc, id" : " order by updatedAt desc, id";
        };
        return find("from Offer o where " + where + order, parameters);
    }
}
