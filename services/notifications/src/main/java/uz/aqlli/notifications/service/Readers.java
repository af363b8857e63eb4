package uz.aqlli.notifications.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uz.aqlli.notifications.repository.Projections;
import uz.aqlli.platform.runtime.security.Caller;

/**
 * The signed-in user as a recipient: each call records what their token says (organization, e-mail,
 * administration region), so that later events reach them; it is how this service learns members
 * beyond the managers the directory names, and the administrators of each region.
 */
@RequestScoped
public class Readers {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    Projections projections;

    /** The caller's user id, recorded as a recipient. */
    public String current() {
        String userId = caller.userId();
        Object email = token.getClaim("email");
        projections.saw(userId, caller.organizationId().orElse(null), email == null ? null : email.toString(),
                caller.administrationRegion().orElse(null));
        return userId;
    }
}
