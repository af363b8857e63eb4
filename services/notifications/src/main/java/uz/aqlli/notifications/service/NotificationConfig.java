package uz.aqlli.notifications.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

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

    /** The platform's Telegram bot (telegram/): off until a token is configured. */
    Telegram telegram();

    interface Telegram {

        /** The Bot API's base address. */
        @WithDefault("https://api.telegram.org")
        String apiUrl();

        /** The bot's token from BotFather ({@code AQLLI_NOTIFICATIONS_TELEGRAM_TOKEN}); no Telegram without it. */
        Optional<String> token();

        /** The bot's user name, for the deep link {@code https://t.me/<name>?start=<code>}. */
        @WithDefault("AqlliElektronBot")
        String botName();

        /** How long one getUpdates waits for an update (long polling). */
        @WithDefault("25s")
        Duration pollTimeout();

        /** How soon after one poll the next starts. */
        @WithDefault("1s")
        Duration pollEvery();

        /** How often the relay looks for messages an earlier attempt left unsent. */
        @WithDefault("2s")
        Duration sweepEvery();

        /** How long a link code works. */
        @WithDefault("PT15M")
        Duration codeLifetime();

        /** The wait after a message's first failed send, doubled after each further failure up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration firstBackoff();

        @WithDefault("60s")
        Duration maxBackoff();
    }
}
