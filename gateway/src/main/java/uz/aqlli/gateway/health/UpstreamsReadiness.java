package uz.aqlli.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import uz.aqlli.gateway.routing.Route;
import uz.aqlli.gateway.routing.UpstreamsConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gateway is ready only when every API service it routes to says it is ready. The web console
 * is reported beside them but does not count: it is a client of the API like any other, and a
 * console that crashes must not take the API out of a load balancer's rotation with it.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements HealthCheck {

    private final UpstreamsConfig config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    UpstreamsReadiness(UpstreamsConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> upstreams = Route.ALL.stream().map(Route::upstream).toList();
        // Asked side by side, so one slow service does not add up with the others.
        Map<String, CompletableFuture<String>> answers = upstreams.stream()
                .collect(Collectors.toMap(Function.identity(), this::readiness));
        var response = HealthCheckResponse.named("upstream services");
        boolean allUp = true;
        for (Route route : Route.ALL) {
            String state = answers.get(route.upstream()).join();
            response.withData(route.upstream(), state);
            if (!route.catchAll()) {
                allUp &= state.equals("UP");
            }
        }
        return response.status(allUp).build();
    }

    private CompletableFuture<String> readiness(String upstream) {
        URI base = config.upstreams().get(upstream);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(answer -> answer.statusCode() == 200 ? "UP" : "DOWN (HTTP " + answer.statusCode() + ")")
                .exceptionally(failure -> "DOWN (unreachable)");
    }
}
