package uz.aqlli.integrity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.integrity.FlagCode;
import uz.aqlli.integrity.RedFlag;
import uz.aqlli.integrity.repository.FlagRepository;
import uz.aqlli.platform.events.RedFlagRaised;
import uz.aqlli.platform.events.RedFlagRetracted;
import uz.aqlli.platform.runtime.outbox.EventOutbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the stored flags of one subject what the evidence says now: a finding with no standing
 * flag is raised, a standing flag the evidence no longer supports is retracted (kept, marked), one
 * still supported takes the current values. Decided flags stay as decided. Raising and retracting
 * are events, in the transaction of the event that caused them.
 */
@ApplicationScoped
public class FlagBook {

    private final FlagRepository flags;
    private final EventOutbox outbox;
    private final Clock clock;

    FlagBook(FlagRepository flags, EventOutbox outbox, Clock clock) {
        this.flags = flags;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param codes    the codes evaluated for {@code subject}: only their flags are touched
     * @param findings what the evidence calls for now, each of one of {@code codes} on {@code subject}
     * @param eventId  the event that caused the re-evaluation, named by a retraction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(String subject, Collection<FlagCode> codes, List<Finding> findings, String eventId, String reason) {
        Instant now = clock.instant();
        Map<FlagCode, Finding> wanted = findings.stream().collect(Collectors.toMap(Finding::code, Function.identity()));
        Map<FlagCode, RedFlag> standing = flags.open(subject, List.copyOf(codes)).stream()
                .collect(Collectors.toMap(RedFlag::code, Function.identity()));
        for (FlagCode code : codes) {
            Finding finding = wanted.get(code);
            RedFlag flag = standing.get(code);
            if (finding == null && flag != null) {
                flags.retract(flag.id(), reason, now);
                outbox.append(new RedFlagRetracted(flag.id(), code.code(), flag.regionCode(), flag.status().name(), eventId,
                        reason, now));
            } else if (finding != null && flag != null) {
                if (!finding.values().equals(flag.values()) || !finding.eventIds().equals(flag.evidenceEventIds())) {
                    flags.updateEvidence(flag.id(), finding);
                }
            } else if (finding != null && !flags.decided(subject, code)) {
                UUID id = UUID.randomUUID();
                flags.insert(id, finding, now);
                outbox.append(new RedFlagRaised(id, code.code(), code.title(), finding.regionCode(), finding.requestId(),
                        finding.contractId(), finding.buyerId(), finding.organizationIds(), finding.eventIds(), finding.values(),
                        now));
            }
        }
    }
}
