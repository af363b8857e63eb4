package uz.aqlli.platform.runtime.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the mail relay retries. The SMTP server itself is Quarkus mailer's configuration
 * ({@code quarkus.mailer.host}, {@code .port}, {@code .from}).
 */
@ConfigMapping(prefix = "aqlli.mail")
public interface MailConfig {

    /** Whether the service sends mail: read at build time (it decides whether the beans exist), listed here so it is a known name. */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for mail an earlier attempt, or a previous process, left unsent. */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Mails claimed at a time; a relay that dies leaves them for another after this many send timeouts. */
    @WithDefault("50")
    int batchSize();

    /** How long one send may wait for the SMTP server before the mail is left for a later attempt. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** The wait after a mail's first failed send; doubled after each further failure, up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration firstBackoff();

    /** Short enough that mail goes soon after an SMTP outage ends. */
    @WithDefault("60s")
    Duration maxBackoff();
}
