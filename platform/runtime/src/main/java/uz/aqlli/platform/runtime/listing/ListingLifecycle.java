package uz.aqlli.platform.runtime.listing;

import uz.aqlli.platform.runtime.problem.ProblemException;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one draft → listed → withdrawn life of every listing, so products and offers cannot drift
 * apart: only a draft is published, only a listed (or suspended) listing is withdrawn, a
 * withdrawn one never changes again. The aggregate keeps its status and asks this for the next
 * one; a refused step is a 409 problem naming the listing in the marketplace's words.
 *
 * @param <S> the service's status enum; each of DRAFT, LISTED and WITHDRAWN must be the stage of
 *            exactly one constant, SUSPENDED of at most one (a service that never suspends
 *            listings leaves it out)
 */
public final class ListingLifecycle<S extends Enum<S> & ListingStatus> {

    private final String noun;
    private final Map<ListingStage, S> statuses = new EnumMap<>(ListingStage.class);

    private ListingLifecycle(Class<S> type, String noun) {
        this.noun = noun;
        for (S status : type.getEnumConstants()) {
            if (statuses.put(status.stage(), status) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has two statuses at stage " + status.stage());
            }
        }
        for (ListingStage required : new ListingStage[] {ListingStage.DRAFT, ListingStage.LISTED, ListingStage.WITHDRAWN}) {
            if (!statuses.containsKey(required)) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no status at stage " + required);
            }
        }
    }

    /** {@code noun} names the listing in problem details: "product", "offer". */
    public static <S extends Enum<S> & ListingStatus> ListingLifecycle<S> of(Class<S> type, String noun) {
        return new ListingLifecycle<>(type, noun);
    }

    /** The status a new listing starts in. */
    public S drafted() {
        return statuses.get(ListingStage.DRAFT);
    }

    public S publish(S from) {
        if (from.stage() != ListingStage.DRAFT) {
            throw refused("Only a draft can be published; this " + noun + " is " + from);
        }
        return statuses.get(ListingStage.LISTED);
    }

    /** A suspended organization may still take a listing off the list for good. */
    public S withdraw(S from) {
        if (!onList(from)) {
            throw refused("Only a published " + noun + " can be withdrawn; this " + noun + " is " + from);
        }
        return statuses.get(ListingStage.WITHDRAWN);
    }

    /** New terms are taken in any stage but withdrawn: a withdrawn listing is history, and stays as it was. */
    public void requireRevisable(S status) {
        if (status.stage() == ListingStage.WITHDRAWN) {
            throw ProblemException.conflict(noun + "-withdrawn", "A withdrawn " + noun + " cannot be changed; list a new one");
        }
    }

    /** Listed, publicly or hidden while suspended: a change to it is news for the rest of the platform. */
    public boolean onList(S status) {
        return status.stage() == ListingStage.LISTED || status.stage() == ListingStage.SUSPENDED;
    }

    private static ProblemException refused(String detail) {
        return ProblemException.conflict("invalid-status-transition", detail);
    }
}
