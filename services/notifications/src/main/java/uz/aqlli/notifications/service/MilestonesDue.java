package uz.aqlli.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import uz.aqlli.notifications.NotificationKind;
import uz.aqlli.notifications.repository.Projections;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractEvent;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractTerminated;
import uz.aqlli.platform.events.MilestoneAccepted;
import uz.aqlli.platform.events.MilestoneDelivered;
import uz.aqlli.platform.events.MilestonePlanProposed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Milestone due in 3 days": the signed plans' due dates, kept from the contract events, and a
 * sweep that reminds the supplier of each milestone not delivered three Tashkent days before it is
 * due, once (the reminder and its mark commit together; one found late, after downtime, is still
 * sent while the milestone is not yet due). Overdue is orders' own {@code MilestoneOverdue}.
 * Amended due dates are not followed: an amendment's new date is reminded of by its old one.
 * A contract completed or terminated has nothing left to deliver: it is reminded of no more, and
 * told of as overdue no more.
 */
@ApplicationScoped
public class MilestonesDue {

    private static final Logger LOG = Logger.getLogger(MilestonesDue.class);
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    static final int DAYS_AHEAD = 3;

    private final EntityManager entityManager;
    private final Projections projections;
    private final Notifier notifier;
    private final Clock clock;

    MilestonesDue(EntityManager entityManager, Projections projections, Notifier notifier, Clock clock) {
        this.entityManager = entityManager;
        this.projections = projections;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Keeps what the sweep needs from one contract event. */
    @Transactional(Transactional.TxType.MANDATORY)
    void track(ContractEvent event) {
        UUID contract = event.contract().contractId();
        switch (event) {
            case MilestonePlanProposed proposed when proposed.milestones() != null -> proposed.milestones().forEach(m ->
                    entityManager.createNativeQuery("""
                                    insert into contract_milestone (contract_id, plan_version, number, due_date)
                                    values (:id, :version, :number, :due) on conflict do nothing""")
                            .setParameter("id", contract).setParameter("version", proposed.planVersion())
                            .setParameter("number", m.number()).setParameter("due", m.dueDate()).executeUpdate());
            case ContractSigned signed when signed.dateSigned() != null -> entityManager.createNativeQuery("""
                            insert into signed_contract (contract_id, request_id, supplier_id, plan_version)
                            values (:id, :request, :supplier, :version) on conflict do nothing""")
                    .setParameter("id", contract).setParameter("request", event.contract().requestId())
                    .setParameter("supplier", event.contract().supplier().organizationId())
                    .setParameter("version", signed.planVersion()).executeUpdate();
            case MilestoneDelivered delivered when delivered.milestone() != null -> delivered(contract, delivered.milestone().number());
            case MilestoneAccepted accepted when accepted.milestone() != null -> delivered(contract, accepted.milestone().number());
            case ContractCompleted ignored -> ended(contract);
            case ContractTerminated ignored -> ended(contract);
            default -> {
            }
        }
    }

    private void ended(UUID contract) {
        entityManager.createNativeQuery("insert into ended_contract (contract_id) values (:id) on conflict do nothing")
                .setParameter("id", contract).executeUpdate();
    }

    /** Whether the contract was completed or terminated (by its events, or as the event itself says). */
    boolean ended(ContractEvent event) {
        String status = event.contract().status();
        return "COMPLETED".equals(status) || "TERMINATED".equals(status) || "CANCELLED".equals(status)
                || !entityManager.createNativeQuery("select 1 from ended_contract where contract_id = :id")
                .setParameter("id", event.contract().contractId()).getResultList().isEmpty();
    }

    private void delivered(UUID contract, int number) {
        entityManager.createNativeQuery("""
                        insert into milestone_done (contract_id, number, delivered) values (:id, :number, true)
                        on conflict (contract_id, number) do update set delivered = true""")
                .setParameter("id", contract).setParameter("number", number).executeUpdate();
    }

    @Scheduled(every = "${aqlli.notifications.due-sweep-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        LocalDate today = LocalDate.now(clock.withZone(TASHKENT));
        try {
            while (QuarkusTransaction.requiringNew().call(() -> remindOne(today))) {
                // one milestone per transaction
            }
        } catch (RuntimeException e) {
            LOG.warnf("Milestone reminders stopped (%s); the next sweep goes on", e.getMessage());
        }
    }

    private boolean remindOne(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        select m.contract_id, m.number, m.due_date, s.request_id, s.supplier_id
                        from signed_contract s
                        join contract_milestone m on m.contract_id = s.contract_id and m.plan_version = s.plan_version
                        left join milestone_done d on d.contract_id = m.contract_id and d.number = m.number
                        where m.due_date >= :today and m.due_date <= :horizon
                          and coalesce(d.delivered, false) = false and coalesce(d.reminded, false) = false
                          and not exists (select 1 from ended_contract e where e.contract_id = s.contract_id)
                        limit 1 for update of m skip locked""")
                .setParameter("today", today).setParameter("horizon", today.plusDays(DAYS_AHEAD)).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] row = due.getFirst();
        UUID contract = (UUID) row[0];
        int number = ((Number) row[1]).intValue();
        Map<String, Object> params = new HashMap<>();
        if (row[3] != null) {
            projections.requestTitle((UUID) row[3]).ifPresent(title -> params.put("title", titleOf(title)));
        }
        params.put("milestone", number);
        notifier.tell(NotificationKind.MILESTONE_DUE_SOON, "due-soon:" + contract + ":" + number + ":" + row[2], contract.toString(),
                params, projections.members((UUID) row[4]));
        entityManager.createNativeQuery("""
                        insert into milestone_done (contract_id, number, reminded) values (:id, :number, true)
                        on conflict (contract_id, number) do update set reminded = true""")
                .setParameter("id", contract).setParameter("number", number).executeUpdate();
        return true;
    }

    private static Object titleOf(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }
}
