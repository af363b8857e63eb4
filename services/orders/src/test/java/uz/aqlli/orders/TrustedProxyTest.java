package uz.aqlli.orders;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A service believes forwarded headers only from the gateway's address (trusted proxies in the
 * runtime's shared configuration: loopback, where ./run puts the gateway). Anyone else who reaches
 * a service directly cannot choose the host its links name, nor the client address it logs.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class TrustedProxyTest {

    @Test
    void forwardedHeadersFromTheGatewaysAddressAreBelieved() throws Exception {
        HttpResponse<String> answer = postFrom("127.0.0.1");
        assertThat(answer.statusCode(), equalTo(201));
        assertThat(answer.headers().firstValue("Location").orElseThrow(), startsWith("https://market.aqlli.test/api/orders/test/forwarded/"));
        assertThat(answer.body(), containsString("\"198.51.100.7\""));
    }

    @Test
    void forwardedHeadersFromAnyOtherAddressAreIgnored() throws Exception {
        // 127.0.0.2 is this machine too (all of 127/8 is loopback), but not the trusted 127.0.0.1.
        HttpResponse<String> answer = postFrom("127.0.0.2");
        assertThat(answer.statusCode(), equalTo(201));
        assertThat(answer.headers().firstValue("Location").orElseThrow(),
                startsWith("http://127.0.0.1:" + RestAssured.port + "/api/orders/test/forwarded/"));
        assertThat(answer.body(), containsString("\"127.0.0.2\""));
    }

    private static HttpResponse<String> postFrom(String localAddress) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/orders/test/forwarded"))
                .header("X-Forwarded-Host", "market.aqlli.test")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "198.51.100.7")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
