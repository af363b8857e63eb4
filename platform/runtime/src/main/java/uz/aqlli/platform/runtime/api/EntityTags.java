package uz.aqlli.platform.runtime.api;

import uz.aqlli.platform.runtime.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a read returns the row's version as a strong {@code ETag};
 * a change must send it back in {@code If-Match}. Missing is 428, outdated is 412, so two people
 * editing the same thing never silently overwrite each other.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Checks {@code ifMatch} (one tag or {@code *}) against the current version. */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.versionRequired();
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(current)) {
                return;
            }
        }
        throw ProblemException.staleVersion();
    }
}
