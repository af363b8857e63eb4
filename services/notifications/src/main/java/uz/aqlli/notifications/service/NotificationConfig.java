package uz.aqlli.notifications.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where notifications point and how they go out (every {@code aqlli.notifications.*} setting). */
@ConfigMapping(prefix = "aqlli.notifications")
public interface NotificationConfig {

    /** The console's public address: a mail's link is this followed by the page's path. */
    @WithDefault("http://localhost:8080")
    String consoleUrl();

    /** The Tashkent hour from which the day's digests go (service/DailyDigest). */
    @WithDefault("8")
    int digestHour();

    /** How often due digests are looked for. */
    @WithDefault("60s")
    Duration digestEvery();

    /** How often milestones due within 3 days are looked for (service/MilestonesDue). */
    @WithDefault("60s")
    Duration dueSweepEvery();

    /** Failed attempts after which a waiting message counts as its channel failing (service/ChannelHealth). */
    @WithDefault("3")
    int failingAfter();

    /** How often a live stream looks for new notifications. */
    @WithDefault("0.5s")
    Duration streamPoll();

    /** How often a live stream sends a comment, within the gateway's idle timeout. */
    @WithDefault("15s")
    Duration streamHeartbeat();
}
