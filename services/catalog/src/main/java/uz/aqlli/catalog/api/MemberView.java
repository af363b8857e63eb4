package uz.aqlli.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.aqlli.catalog.Member;
import uz.aqlli.catalog.Person;

import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberView(UUID userId, UUID organizationId, String email, String firstName, String lastName, String role,
                         Instant addedAt) {

    static MemberView of(Member member) {
        return new MemberView(member.userId(), member.organizationId(), member.email(), member.firstName(),
                member.lastName(), member.role().name(), member.addedAt());
    }

    /** The user a registration sent, without the account's id: a replay shows no more than was sent. */
    static MemberView sent(Person person) {
        return new MemberView(null, null, person.email(), person.firstName(), person.lastName(), null, null);
    }
}
