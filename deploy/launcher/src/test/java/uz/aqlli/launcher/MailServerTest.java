package uz.aqlli.launcher;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The local mail server: a real SMTP server on loopback whose mail is listed, and that survives an interruption. */
class MailServerTest {

    @Test
    void mailSentOverSmtpIsListedAndKeptThroughAnInterruption() throws Exception {
        try (MailServer server = MailServer.start(free(), free(), free())) {
            ServerSetup smtp = new ServerSetup(server.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            GreenMailUtil.sendTextEmail("Aziz@Korxona.uz", "no-reply@aqlli.uz", "Sinov", "Salom\nCode: abc\"def", smtp);

            String listed = get(server.webUrl() + "/messages?to=aziz@korxona.uz");
            assertTrue(listed.startsWith("[{\"to\":[\"aziz@korxona.uz\"]"), listed);
            assertTrue(listed.contains("\"subject\":\"Sinov\""), listed);
            assertTrue(listed.contains("Code: abc\\\"def"), listed);
            assertEquals("[]", get(server.webUrl() + "/messages?to=someone@else.uz"));
            assertTrue(get(server.webUrl() + "/").contains("Sinov"));

            // Loopback only: not reachable on another address of this machine.
            for (InetAddress address : InetAddress.getAllByName(InetAddress.getLocalHost().getHostName())) {
                if (!address.isLoopbackAddress()) {
                    assertThrows(IOException.class, () -> connect(address, server.smtpPort()));
                }
            }

            CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> server.interrupt(Duration.ofSeconds(1)));
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            boolean refused = false;
            while (!refused && System.nanoTime() < deadline) {
                try {
                    connect(InetAddress.getLoopbackAddress(), server.smtpPort());
                    Thread.sleep(20);
                } catch (IOException e) {
                    refused = true;
                }
            }
            assertTrue(refused, "the SMTP port still answered during the interruption");
            assertFalse(outage.isDone());
            outage.get();
            GreenMailUtil.sendTextEmail("aziz@korxona.uz", "no-reply@aqlli.uz", "Ikkinchi", "Salom", smtp);
            String after = get(server.webUrl() + "/messages?to=aziz@korxona.uz");
            assertTrue(after.contains("Sinov") && after.contains("Ikkinchi"), after);
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 300);
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
