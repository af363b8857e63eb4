package uz.aqlli.catalog.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.catalog.Member;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public List<Member> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by addedAt, email", organizationId);
    }

    public boolean emailTaken(String email) {
        return count("email", email) > 0;
    }
}
