package uz.aqlli.platform.runtime.idempotency;

import uz.aqlli.platform.runtime.problem.ProblemException;

/**
 * An {@code Idempotency-Key} header as a client sent it: 1 to 255 printable ASCII characters, no
 * space. A UUID (what Stripe and the IETF draft suggest) fits; a key that cannot travel through
 * every proxy and log unchanged, or that is too long to keep, is refused rather than cut.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw refused();
        }
    }

    /** The 400 problem for a header that is not a key. */
    static ProblemException refused() {
        return ProblemException.invalidField(HEADER,
                "must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces (a UUID, for example)");
    }
}
