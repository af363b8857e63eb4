package uz.aqlli.platform.runtime.listing;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingLifecycleTest {

    /** A listing that can be hidden while its organization is suspended, as catalog's products are. */
    enum Suspendable implements ListingStatus {
        DRAFT(ListingStage.DRAFT), PUBLISHED(ListingStage.LISTED), SUSPENDED(ListingStage.SUSPENDED),
        WITHDRAWN(ListingStage.WITHDRAWN);

        private final ListingStage stage;

        Suspendable(ListingStage stage) {
            this.stage = stage;
        }

        @Override
        public ListingStage stage() {
            return stage;
        }
    }

    /** A listing without a suspended status, as offers' offers are. */
    enum Plain implements ListingStatus {
        DRAFT(ListingStage.DRAFT), PUBLISHED(ListingStage.LISTED), WITHDRAWN(ListingStage.WITHDRAWN);

        private final ListingStage stage;

        Plain(ListingStage stage) {
            this.stage = stage;
        }

        @Override
        public ListingStage stage() {
            return stage;
        }
    }

    enum NoWithdrawal implements ListingStatus {
        DRAFT, PUBLISHED;

        @Override
        public ListingStage stage() {
            return this == DRAFT ? ListingStage.DRAFT : ListingStage.LISTED;
        }
    }

    enum TwoDrafts implements ListingStatus {
        NEW, DRAFT, PUBLISHED, WITHDRAWN;

        @Override
        public ListingStage stage() {
            return switch (this) {
                case NEW, DRAFT -> ListingStage.DRAFT;
                case PUBLISHED -> ListingStage.LISTED;
                case WITHDRAWN -> ListingStage.WITHDRAWN;
            };
        }
    }

    private final ListingLifecycle<Suspendable> products = ListingLifecycle.of(Suspendable.class, "product");
    private final ListingLifecycle<Plain> offers = ListingLifecycle.of(Plain.class, "offer");

    @Test
    void aDraftIsPublishedAndAListedOneWithdrawn() {
        assertEquals(Suspendable.DRAFT, products.drafted());
        assertEquals(Suspendable.PUBLISHED, products.publish(Suspendable.DRAFT));
        assertEquals(Suspendable.WITHDRAWN, products.withdraw(Suspendable.PUBLISHED));
        assertEquals(Plain.PUBLISHED, offers.publish(Plain.DRAFT));
        assertEquals(Plain.WITHDRAWN, offers.withdraw(Plain.PUBLISHED));
    }

    @Test
    void aSuspendedListingMayStillBeWithdrawnButNotPublishedAgain() {
        assertEquals(Suspendable.WITHDRAWN, products.withdraw(Suspendable.SUSPENDED));
        refused(() -> products.publish(Suspendable.SUSPENDED), "invalid-status-transition",
                "Only a draft can be published; this product is SUSPENDED");
    }

    @Test
    void onlyADraftIsPublished() {
        refused(() -> products.publish(Suspendable.PUBLISHED), "invalid-status-transition",
                "Only a draft can be published; this product is PUBLISHED");
        refused(() -> offers.publish(Plain.WITHDRAWN), "invalid-status-transition",
                "Only a draft can be published; this offer is WITHDRAWN");
    }

    @Test
    void onlyAListedOneIsWithdrawn() {
        refused(() -> products.withdraw(Suspendable.DRAFT), "invalid-status-transition",
                "Only a published product can be withdrawn; this product is DRAFT");
        refused(() -> offers.withdraw(Plain.WITHDRAWN), "invalid-status-transition",
                "Only a published offer can be withdrawn; this offer is WITHDRAWN");
    }

    @Test
    void aWithdrawnListingNeverChangesAgain() {
        products.requireRevisable(Suspendable.DRAFT);
        products.requireRevisable(Suspendable.PUBLISHED);
        products.requireRevisable(Suspendable.SUSPENDED);
        refused(() -> products.requireRevisable(Suspendable.WITHDRAWN), "product-withdrawn",
                "A withdrawn product cannot be changed; list a new one");
        refused(() -> offers.requireRevisable(Plain.WITHDRAWN), "offer-withdrawn",
                "A withdrawn offer cannot be changed; list a new one");
    }

    @Test
    void listedAndSuspendedAreOnTheList() {
        assertFalse(products.onList(Suspendable.DRAFT));
        assertTrue(products.onList(Suspendable.PUBLISHED));
        assertTrue(products.onList(Suspendable.SUSPENDED));
        assertFalse(products.onList(Suspendable.WITHDRAWN));
        assertTrue(offers.onList(Plain.PUBLISHED));
    }

    @Test
    void everyStatusSetMustPlaceEachStageOnce() {
        assertThrows(IllegalArgumentException.class, () -> ListingLifecycle.of(NoWithdrawal.class, "listing"));
        assertThrows(IllegalArgumentException.class, () -> ListingLifecycle.of(TwoDrafts.class, "listing"));
    }

    private static void refused(Runnable step, String slug, String detail) {
        ProblemException problem = assertThrows(ProblemException.class, step::run);
        assertEquals(409, problem.status());
        assertEquals("urn:aqlli:problem:" + slug, problem.type());
        assertEquals(detail, problem.getMessage());
    }
}
