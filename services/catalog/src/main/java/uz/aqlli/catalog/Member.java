package uz.aqlli.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A user who acts for one organization; {@link #userId()} is their Keycloak subject. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberRole role;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    /** Two handovers that both read the same manager: the second to write loses instead of leaving two managers. */
    @Version
    private long version;

    protected Member() {
        // for JPA
    }

    public Member(UUID userId, UUID organizationId, Person person, MemberRole role, Instant addedAt) {
        this.userId = userId;
        this.organizationId = organizationId;
        this.email = person.email();
        this.firstName = person.firstName();
        this.lastName = person.lastName();
        this.role = role;
        this.addedAt = addedAt;
    }

    public void changeRole(MemberRole role) {
        this.role = role;
    }

    public UUID userId() {
        return userId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public MemberRole role() {
        return role;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
