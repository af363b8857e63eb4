package uz.aqlli.notifications.api;

import java.util.List;

/**
 * A user's notification preferences. {@code categories} and {@code regions} are the new requests a
 * provider's member hears of; {@code ownReach} false means their organization's (its registered
 * categories, its region and where its offers are served), shown as the registered ones.
 *
 * @param email      whether notifications also go by mail
 * @param telegram   whether they also go to the user's linked Telegram chat
 * @param digest     one mail a day (at the digest hour, Tashkent time) instead of one per notification
 * @param mutedKinds kinds the user is not told of at all
 */
public record PreferencesView(String language, boolean email, boolean telegram, boolean digest, List<String> mutedKinds, List<String> categories,
                              List<String> regions, boolean ownReach) {
}
