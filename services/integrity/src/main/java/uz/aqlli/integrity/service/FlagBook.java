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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the stored flags of one subject what the evidence says now: a finding with no standing
 * flag is raised; an open flag (RAISED, UNDER_REVIEW) the evidence no longer supports is retracted
 * (kept, marked, its review kept), one still supported stays the same flag and takes the current
 * evidence. A decided flag (CONFIRMED, DISMISSED) is never changed: what a later event finds is
 * recorded beside it. The SQL holds these rules (the status in each statement's condition), so an
 * administrator deciding while an event re-evaluates the flag loses nothing: whichever commits
 * second finds the other's change (a stale version for the administrator, a decided flag here).
 * Raising and retracting are events, in the transaction of the event that caused them.
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
        Map<FlagCode, RedFlag> standing = flags.standing(subject, List.copyOf(codes)).stream()
                .collect(Collectors.toMap(RedFlag::code, Function.identity()));
        for (FlagCode code : codes) {
            Finding finding = wanted.get(code);
            RedFlag flag = standing.get(code);
            if (flag == null) {
                if (finding != null) {
                    raise(code, finding, now);
                }
            } else if (!flag.status().open()) {
                afterDecision(flag, finding, eventId, reason, now);
            } else if (finding == null) {
                if (flags.retract(flag.id(), reason, now)) {
                    outbox.append(new RedFlagRetracted(flag.id(), code.code(), flag.regionCode(), flag.status().name(), eventId,
                            reason, now));
                } else {
                    afterDecision(flag, null, eventId, reason, now);
                }
            } else if (!finding.values().equals(flag.values()) || !finding.eventIds().equals(flag.evidenceEventIds())) {
                if (!flags.updateEvidence(flag.id(), finding)) {
                    afterDecision(flag, finding, eventId, reason, now);
                }
            }
        }
    }

    /**
     * {@link #settle} for every subject of {@code code} that starts with {@code prefix}: those the
     * findings name and those a flag stands on, so that one whose facts went away is retracted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleAll(String prefix, FlagCode code, List<Finding> findings, String eventId, String reason) {
        Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
        findings.forEach(finding -> bySubject.computeIfAbsent(finding.subject(), subject -> new ArrayList<>()).add(finding));
        flags.standingSubjects(code, prefix).forEach(subject -> bySubject.putIfAbsent(subject, List.of()));
        bySubject.forEach((subject, found) -> settle(subject, List.of(code), found, eventId, reason));
    }

    private void raise(FlagCode code, Finding finding, Instant now) {
        UUID id = UUID.randomUUID();
        flags.insert(id, finding, now);
        outbox.append(new RedFlagRaised(id, code.code(), code.title(), finding.regionCode(), finding.requestId(),
                finding.contractId(), finding.buyerId(), finding.organizationIds(), finding.eventIds(), finding.values(), now));
    }

    /** Records what the evidence says now beside a decided flag, when it says something other than last recorded. */
    private void afterDecision(RedFlag flag, Finding finding, String eventId, String reason, Instant now) {
        RedFlag decided = flag.status().open() ? flags.find(flag.id()).orElseThrow() : flag;
        RedFlag.AfterDecision last = decided.afterDecision();
        boolean holds = finding != null;
        boolean same = last == null
                ? holds && finding.values().equals(decided.values()) && finding.eventIds().equals(decided.evidenceEventIds())
                : last.holds() == holds && (!holds || finding.values().equals(last.values())
                        && finding.eventIds().equals(last.eventIds()));
        if (!same) {
            flags.recordAfterDecision(decided.id(), eventId, reason, finding, now);
        }
    }
}
