package uz.aqlli.catalog.api;

import uz.aqlli.catalog.Member;

import java.time.Instant;
import java.util.UUID;

public record MemberView(UUID userId, UUID organizationId, String email, String firstName, String lastName, String role,
                         Instant addedAt) {

    static MemberView of(Member member) {
        return new MemberView(member.userId(), member.organizationId(), member.email(), member.firstName(),
                member.lastName(), member.role().name(), member.addedAt());
    }
}
