package uz.aqlli.notifications.api;

import java.util.List;

/**
 * What PUT /preferences sets, all of it (an absent field takes its default): language uz-Latn,
 * mail on, no digest, no kind muted, and a provider's organization's categories and regions.
 */
public record PreferencesForm(String language, Boolean email, Boolean telegram, Boolean digest, List<String> mutedKinds, List<String> categories,
                              List<String> regions) {
}
