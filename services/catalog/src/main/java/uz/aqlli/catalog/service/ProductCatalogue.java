package uz.aqlli.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.OrganizationStatus;
import uz.aqlli.catalog.PriceTier;
import uz.aqlli.catalog.Product;
import uz.aqlli.catalog.ProductEvents;
import uz.aqlli.catalog.ProductStatus;
import uz.aqlli.catalog.ProductTerms;
import uz.aqlli.catalog.repository.OrganizationRepository;
import uz.aqlli.catalog.repository.ProductRepository;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;
import uz.aqlli.platform.runtime.standing.OrganizationStandings;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Enterprises' products: drafts, the public list, and every change under optimistic concurrency
 * ({@code If-Match} required). Only published products are public; a draft or withdrawn product
 * exists only for its enterprise's members and its region's administration (404 for others).
 */
@ApplicationScoped
public class ProductCatalogue {

    private final ProductRepository products;
    private final OrganizationRepository organizations;
    private final EventOutbox outbox;
    private final Caller caller;
    private final Clock clock;

    ProductCatalogue(ProductRepository products, OrganizationRepository organizations, EventOutbox outbox, Caller caller,
                     Clock clock) {
        this.products = products;
        this.organizations = organizations;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** A draft of the caller's enterprise; drafting needs no verification, publishing does. */
    @Transactional
    public Product draft(ProductTerms terms) {
        Organization enterprise = organizations.findByIdOptional(caller.requireOrganization())
                .filter(organization -> organization.kind() == OrganizationKind.ENTERPRISE)
                .orElseThrow(() -> ProblemException.forbidden("not-an-enterprise", "Only enterprises list products"));
        checkTiers(terms.priceTiers(), terms);
        Product product = Product.draft(UUID.randomUUID(), enterprise, terms, clock.instant());
        products.persist(product);
        products.flush();
        return product;
    }

    @Transactional
    public Product revise(UUID id, String ifMatch, ProductTerms terms) {
        Product product = own(id, ifMatch);
        checkTiers(terms.priceTiers(), terms);
        product.revise(terms, clock.instant());
        products.flush();
        if (product.listed()) {
            requireVerified(product, "change a listed product");
            outbox.append(ProductEvents.updated(product));
        }
        return product;
    }

    @Transactional
    public Product publish(UUID id, String ifMatch) {
        Product product = own(id, ifMatch);
        requireVerified(product, "publish products");
        product.publish(clock.instant());
        outbox.append(ProductEvents.published(product));
        products.flush();
        return product;
    }

    @Transactional
    public Product withdraw(UUID id, String ifMatch) {
        Product product = own(id, ifMatch);
        product.withdraw(clock.instant());
        outbox.append(ProductEvents.withdrawn(product));
        products.flush();
        return product;
    }

    public Product visible(UUID id) {
        return products.findByIdOptional(id)
                .filter(product -> product.status() == ProductStatus.PUBLISHED || caller.memberOf(product.enterpriseId())
                        || caller.administers(product.regionCode()))
                .orElseThrow(() -> ProblemException.notFound("Product " + id));
    }

    public Listing<Product> own(ProductStatus status, int page, int size) {
        var query = products.ofEnterprise(caller.requireOrganization(), status);
        return new Listing<>(query.page(page, size).list(), query.count());
    }

    /** An organization's page: its published products, for a verified (public) organization. */
    public Listing<Product> listedBy(UUID organizationId, int page, int size) {
        var query = products.ofEnterprise(organizationId, ProductStatus.PUBLISHED);
        return new Listing<>(query.page(page, size).list(), query.count());
    }

    private Product own(UUID id, String ifMatch) {
        Product product = products.findByIdOptional(id)
                .filter(found -> caller.memberOf(found.enterpriseId()))
                .orElseThrow(() -> ProblemException.notFound("Product " + id));
        EntityTags.require(ifMatch, product.version());
        return product;
    }

    /**
     * Reads the enterprise's status under a share lock held to commit: a suspension waits until this
     * change is committed and then takes the product off show with the rest, or has committed first
     * and this change is refused. (Unlocked, a publish could commit PUBLISHED after the suspension's
     * bulk update had already passed the row over as a draft, and stay in public search.)
     */
    private void requireVerified(Product product, String action) {
        OrganizationStatus status = organizations.findById(product.enterpriseId(), LockModeType.PESSIMISTIC_READ).status();
        if (status != OrganizationStatus.VERIFIED) {
            throw OrganizationStandings.notVerified(status.name(), action);
        }
    }

    /** Tiers rise in quantity, start at or above the minimum order, and never cost more than the base price. */
    static void checkTiers(List<PriceTier> tiers, ProductTerms terms) {
        for (int i = 0; i < tiers.size(); i++) {
            PriceTier tier = tiers.get(i);
            if (tier.minQuantity().compareTo(terms.minOrderQuantity()) < 0) {
                throw ProblemException.invalidField("priceTiers[" + i + "].minQuantity", "must not be below minOrderQuantity");
            }
            if (i > 0 && tier.minQuantity().compareTo(tiers.get(i - 1).minQuantity()) <= 0) {
                throw ProblemException.invalidField("priceTiers[" + i + "].minQuantity", "must be above the previous tier's");
            }
            if (tier.priceUzs().compareTo(terms.priceUzs()) > 0) {
                throw ProblemException.invalidField("priceTiers[" + i + "].priceUzs", "must not be above priceUzs");
            }
        }
    }
}
