package uz.aqlli.integrity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.integrity.RedFlag;
import uz.aqlli.integrity.RedFlagStatus;
import uz.aqlli.integrity.repository.FlagRepository;
import uz.aqlli.platform.events.RedFlagDecided;
import uz.aqlli.platform.events.RedFlagReviewed;
import uz.aqlli.platform.runtime.api.EntityTags;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The administration's review of a flag: taken under review, then confirmed or dismissed, each
 * step with a note, by a user of the buyer's region (or the republic), against the version the
 * user saw (If-Match). A flag of another region does not exist for the caller (404).
 */
@ApplicationScoped
public class Reviews {

    private final FlagRepository flags;
    private final EventOutbox outbox;
    private final Caller caller;
    private final Clock clock;

    Reviews(FlagRepository flags, EventOutbox outbox, Caller caller, Clock clock) {
        this.flags = flags;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** The flag, if the caller's administration covers its region; 404 otherwise. */
    public RedFlag visible(UUID id) {
        return flags.find(id).filter(flag -> caller.administers(flag.regionCode()))
                .orElseThrow(() -> ProblemException.notFound("Red flag " + id));
    }

    @Transactional
    public RedFlag review(UUID id, String ifMatch, String note) {
        RedFlag flag = visible(id);
        EntityTags.require(ifMatch, flag.version());
        if (flag.status() != RedFlagStatus.RAISED) {
            throw ProblemException.conflict("invalid-status-transition", "status",
                    "The flag is " + flag.status() + "; only a RAISED flag is taken under review");
        }
        Instant now = clock.instant();
        if (!flags.review(id, flag.version(), note, caller.userId(), now)) {
            throw ProblemException.staleVersion();
        }
        outbox.append(new RedFlagReviewed(id, flag.code().code(), flag.regionCode(), note, caller.userId(), now));
        return flags.find(id).orElseThrow();
    }

    @Transactional
    public RedFlag decide(UUID id, String ifMatch, RedFlagStatus outcome, String note) {
        if (outcome != RedFlagStatus.CONFIRMED && outcome != RedFlagStatus.DISMISSED) {
            throw ProblemException.invalidField("status", "must be CONFIRMED or DISMISSED");
        }
        RedFlag flag = visible(id);
        EntityTags.require(ifMatch, flag.version());
        if (flag.status() != RedFlagStatus.UNDER_REVIEW) {
            throw ProblemException.conflict("invalid-status-transition", "status",
                    "The flag is " + flag.status() + "; only a flag UNDER_REVIEW is decided");
        }
        Instant now = clock.instant();
        if (!flags.decide(id, flag.version(), outcome, note, caller.userId(), now)) {
            throw ProblemException.staleVersion();
        }
        outbox.append(new RedFlagDecided(id, flag.code().code(), flag.regionCode(), outcome.name(), note, caller.userId(), now));
        return flags.find(id).orElseThrow();
    }
}
