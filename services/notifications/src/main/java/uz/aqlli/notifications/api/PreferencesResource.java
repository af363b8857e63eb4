package uz.aqlli.notifications.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.notifications.Messages;
import uz.aqlli.notifications.NotificationKind;
import uz.aqlli.notifications.repository.Projections;
import uz.aqlli.notifications.service.Readers;
import uz.aqlli.platform.events.Regions;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The caller's own notification preferences. */
@Path("/preferences")
@Tag(name = "Preferences", description = "Which kinds, which channels, immediate or a daily digest, a provider's categories and regions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PreferencesResource {

    private final Readers readers;
    private final Projections projections;
    private final Caller caller;

    PreferencesResource(Readers readers, Projections projections, Caller caller) {
        this.readers = readers;
        this.projections = projections;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "preferences", summary = "The caller's notification preferences")
    public PreferencesView get() {
        return view(readers.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPreferences", summary = "Set the caller's notification preferences (all of them)")
    public PreferencesView put(PreferencesForm form) {
        String user = readers.current();
        if (form == null) {
            throw ProblemException.invalidField("body", "must be the preferences");
        }
        String language = form.language() == null ? Messages.DEFAULT_LANGUAGE : form.language();
        if (!Messages.LANGUAGES.contains(language)) {
            throw ProblemException.invalidField("language", "must be one of " + Messages.LANGUAGES);
        }
        List<String> muted = form.mutedKinds() == null ? List.of() : form.mutedKinds();
        for (int i = 0; i < muted.size(); i++) {
            String kind = muted.get(i);
            if (kind == null || Arrays.stream(NotificationKind.values()).noneMatch(k -> k.name().equals(kind))) {
                throw ProblemException.invalidField("mutedKinds[" + i + "]", "must be a kind of notification");
            }
        }
        List<String> categories = form.categories();
        List<String> regions = form.regions();
        if ((categories != null || regions != null) && !caller.hasRole(Caller.PROVIDER)) {
            throw ProblemException.invalidField(categories != null ? "categories" : "regions",
                    "only a provider's members choose the requests they hear of");
        }
        if (regions != null && categories == null) {
            throw ProblemException.invalidField("categories", "must be given with regions");
        }
        if (categories != null) {
            if (categories.isEmpty()) {
                throw ProblemException.invalidField("categories", "must name at least one service category (mute REQUEST_PUBLISHED to hear of none)");
            }
            for (int i = 0; i < categories.size(); i++) {
                String category = categories.get(i);
                if (category == null || Arrays.stream(ServiceCategory.values()).noneMatch(c -> c.name().equals(category))) {
                    throw ProblemException.invalidField("categories[" + i + "]", "must be a service category");
                }
            }
            regions = regions == null ? List.of() : regions;
            for (int i = 0; i < regions.size(); i++) {
                if (regions.get(i) == null || !Regions.isRegion(regions.get(i))) {
                    throw ProblemException.invalidField("regions[" + i + "]", "must be a region's SOATO code");
                }
            }
        }
        projections.prefer(user, language, form.email() == null || form.email(), form.telegram() == null || form.telegram(),
                form.digest() != null && form.digest(),
                muted.stream().distinct().toList(), categories == null ? null : categories.stream().distinct().toList(),
                regions == null ? null : regions.stream().distinct().toList());
        return view(user);
    }

    private PreferencesView view(String user) {
        Object[] row = projections.preferences(user).orElseThrow(() -> ProblemException.notFound("preferences"));
        UUID organization = (UUID) row[6];
        boolean own = row[4] != null;
        List<String> categories = own ? split(row[4]) : organization == null ? List.of() : projections.fieldsOf(organization);
        List<String> regions = own ? split(row[5])
                : organization == null ? List.of() : projections.regionOf(organization).map(List::of).orElse(List.of());
        return new PreferencesView(Messages.language((String) row[0]), (Boolean) row[1], (Boolean) row[7], (Boolean) row[2], split(row[3]),
                caller.hasRole(Caller.PROVIDER) ? categories : List.of(), caller.hasRole(Caller.PROVIDER) ? regions : List.of(), own);
    }

    private static List<String> split(Object commaSeparated) {
        if (commaSeparated == null || commaSeparated.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).filter(value -> !value.isBlank()).toList();
    }
}
