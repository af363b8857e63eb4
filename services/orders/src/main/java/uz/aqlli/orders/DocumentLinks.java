package uz.aqlli.orders;

import uz.aqlli.platform.runtime.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Links to a party's documents (a delivery's, a dispute's): https only, since the platform keeps
 * links, not files, and a plain http link would hand the document to anyone on the way.
 */
public final class DocumentLinks {

    /** How many links one step may carry, and how long each may be. */
    public static final int MAX = 10;
    public static final int MAX_LENGTH = 500;

    private DocumentLinks() {
    }

    /** The links as given (none when absent), or a 400 naming {@code field} or {@code field[i]}. */
    public static List<String> checked(String field, List<String> links) {
        List<String> given = links == null ? List.of() : links;
        if (given.size() > MAX) {
            throw ProblemException.invalidField(field, "at most " + MAX + " links");
        }
        for (int i = 0; i < given.size(); i++) {
            if (!httpsLink(given.get(i))) {
                throw ProblemException.invalidField(field + "[" + i + "]", "must be an https link of at most "
                        + MAX_LENGTH + " characters");
            }
        }
        return List.copyOf(given);
    }

    private static boolean httpsLink(String link) {
        if (link == null || link.length() > MAX_LENGTH || !link.startsWith("https://")) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
