package uz.aqlli.catalog;

import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.events.ZoneType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.OrganizationDecision.REINSTATE;
import static uz.aqlli.catalog.OrganizationDecision.REJECT;
import static uz.aqlli.catalog.OrganizationDecision.SUSPEND;
import static uz.aqlli.catalog.OrganizationDecision.VERIFY;

/** The administration's decisions on an organization, as drawn in {@link OrganizationStatus}. */
class OrganizationDecisionsTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void eachStatusAllowsExactlyTheDecisionsOfTheDiagram() {
        Map<OrganizationStatus, Set<OrganizationDecision>> expected = Map.of(
                OrganizationStatus.PENDING, Set.of(VERIFY, REJECT),
                OrganizationStatus.VERIFIED, Set.of(SUSPEND),
                OrganizationStatus.SUSPENDED, Set.of(REINSTATE),
                OrganizationStatus.REJECTED, Set.of());
        for (OrganizationStatus status : OrganizationStatus.values()) {
            assertEquals(expected.get(status), status.allowedDecisions(), status.name());
        }
    }

    @Test
    void eachDecisionLeadsToItsStatusAndOnlyRejectionAndSuspensionNeedAReason() {
        assertEquals(OrganizationStatus.VERIFIED, VERIFY.outcome());
        assertEquals(OrganizationStatus.REJECTED, REJECT.outcome());
        assertEquals(OrganizationStatus.SUSPENDED, SUSPEND.outcome());
        assertEquals(OrganizationStatus.VERIFIED, REINSTATE.outcome());
        assertEquals(EnumSet.of(REJECT, SUSPEND), EnumSet.copyOf(
                java.util.Arrays.stream(OrganizationDecision.values()).filter(OrganizationDecision::reasonRequired).toList()));
    }

    @Test
    void onlyAVerifiedOrganizationTrades() {
        for (OrganizationStatus status : OrganizationStatus.values()) {
            assertEquals(status == OrganizationStatus.VERIFIED, status.mayTrade(), status.name());
        }
    }

    @Test
    void aDecisionTheStatusDoesNotAllowLeavesTheOrganizationAsItWas() {
        for (OrganizationStatus status : OrganizationStatus.values()) {
            for (OrganizationDecision decision : OrganizationDecision.values()) {
                Organization organization = in(status);
                if (status.allowedDecisions().contains(decision)) {
                    organization.decide(decision, "Hujjatlar tekshirildi", "admin-1712", NOW.plusSeconds(60));
                    assertEquals(decision.outcome(), organization.status(), status + " " + decision);
                    assertEquals("admin-1712", organization.statusChangedBy());
                    assertEquals(NOW.plusSeconds(60), organization.statusChangedAt());
                } else {
                    assertThrows(IllegalStateException.class,
                            () -> organization.decide(decision, "Hujjatlar tekshirildi", "admin-1712", NOW.plusSeconds(60)),
                            status + " " + decision);
                    assertEquals(status, organization.status(), status + " " + decision);
                }
            }
        }
    }

    @Test
    void aRejectionOrSuspensionWithoutAReasonIsRefusedAndAVerificationNeedsNone() {
        Organization pending = in(OrganizationStatus.PENDING);
        assertThrows(IllegalArgumentException.class, () -> pending.decide(REJECT, "  ", "admin-1712", NOW));
        assertEquals(OrganizationStatus.PENDING, pending.status());
        pending.decide(VERIFY, null, "admin-1712", NOW);
        assertEquals(OrganizationStatus.VERIFIED, pending.status());
        assertNull(pending.statusReason());
        assertThrows(IllegalArgumentException.class, () -> pending.decide(SUSPEND, null, "admin-1712", NOW));
        assertTrue(pending.status().mayTrade());
        pending.decide(SUSPEND, "  Soliq qarzi  ", "admin-1712", NOW);
        assertEquals("Soliq qarzi", pending.statusReason());
        assertFalse(pending.status().mayTrade());
    }

    /** An organization brought to {@code status} the only way it can get there, by decisions. */
    private static Organization in(OrganizationStatus status) {
        Organization organization = Organization.register(UUID.randomUUID(), new OrganizationProfile(OrganizationKind.ENTERPRISE,
                "Navoiy Metall MChJ", "301234567", "1712", "1712401", ZoneType.NONE, null, Set.of(Sector.values()[0]),
                Set.of(ServiceCategory.ERP), "+998901234567", "info@navoi-metall.uz", "Navoiy shahri, Sanoat ko'chasi, 1-uy", null),
                UUID.randomUUID(), NOW);
        switch (status) {
            case PENDING -> {
            }
            case VERIFIED -> organization.decide(VERIFY, null, "admin-1712", NOW);
            case REJECTED -> organization.decide(REJECT, "STIR topilmadi", "admin-1712", NOW);
            case SUSPENDED -> {
                organization.decide(VERIFY, null, "admin-1712", NOW);
                organization.decide(SUSPEND, "Soliq qarzi", "admin-1712", NOW);
            }
        }
        assertEquals(status, organization.status());
        return organization;
    }
}
