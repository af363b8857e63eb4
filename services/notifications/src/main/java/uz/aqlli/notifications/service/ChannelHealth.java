package uz.aqlli.notifications.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the outgoing channels keep failing, for operators: the wellness check
 * ({@code /q/health/well}, not readiness: the feed works without mail) is DOWN while mails wait
 * after {@code aqlli.notifications.failing-after} failed attempts, and the gauge
 * {@code aqlli_notifications_channel_failing{channel="email"}} counts them. Each channel has its
 * own outbox and relay, so one that fails holds back none of the others, nor the feed.
 */
@Wellness
@Default
@ApplicationScoped
public class ChannelHealth implements HealthCheck {

    private final EntityManager entityManager;
    private final int failingAfter;

    ChannelHealth(EntityManager entityManager, MeterRegistry registry,
                  @ConfigProperty(name = "aqlli.notifications.failing-after", defaultValue = "3") int failingAfter) {
        this.entityManager = entityManager;
        this.failingAfter = failingAfter;
        Gauge.builder("aqlli.notifications.channel.failing", this, health -> health.failing("mail_outbox"))
                .tag("channel", "email")
                .description("Messages of the channel not sent after repeated failed attempts")
                .register(registry);
        Gauge.builder("aqlli.notifications.channel.failing", this, health -> health.failing("telegram_outbox"))
                .tag("channel", "telegram")
                .description("Messages of the channel not sent after repeated failed attempts")
                .register(registry);
    }

    /**
     * Messages of the outbox (its table) not sent after the configured number of failed attempts; a
     * Telegram message failed for good (blocked bot, chat gone) is no longer waiting, so not counted.
     */
    public long failing(String outbox) {
        String waiting = outbox.equals("telegram_outbox") ? " and failed_at is null" : "";
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from " + outbox + " where sent_at is null and attempts >= :attempts" + waiting)
                .setParameter("attempts", failingAfter).getSingleResult()).longValue());
    }

    @Override
    public HealthCheckResponse call() {
        long mails = failing("mail_outbox");
        long messages = failing("telegram_outbox");
        return HealthCheckResponse.named("notification channels").status(mails == 0 && messages == 0)
                .withData("email", mails == 0 ? "sending" : mails + " mails failing after " + failingAfter + " attempts each")
                .withData("telegram", messages == 0 ? "sending" : messages + " messages failing after " + failingAfter + " attempts each")
                .build();
    }
}
