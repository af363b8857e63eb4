package uz.aqlli.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A real SMTP server for the local run and the tests (GreenMail), on 127.0.0.1 only, that keeps
 * every mail it receives: readable over IMAP (login and password are the address, as GreenMail
 * makes accounts) and on a small web page ({@code /}, newest first) with a JSON listing
 * ({@code /messages?to=address}) for tests and scripts. Nothing is relayed further.
 */
public final class MailServer implements AutoCloseable {

    /** One received mail, decoded. */
    public record Message(List<String> to, String from, String subject, String text) {
    }

    private final int smtpPort;
    private final int imapPort;
    private final int webPort;
    private final HttpServer web;
    private final List<Message> earlier = new ArrayList<>();
    private GreenMail greenMail;

    private MailServer(int smtpPort, int imapPort, int webPort, HttpServer web) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.webPort = webPort;
        this.web = web;
    }

    public static MailServer start(int smtpPort, int imapPort, int webPort) {
        return start(smtpPort, imapPort, webPort, false);
    }

    /**
     * With {@code interruptible}, the web page also takes {@code POST /interruption?millis=n}: the
     * SMTP server goes away at once (answered when it is down) and comes back after n ms. For tests,
     * whose services and test classes may each have their own copy of these classes: HTTP is
     * what they share.
     */
    public static MailServer start(int smtpPort, int imapPort, int webPort, boolean interruptible) {
        HttpServer web;
        try {
            web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        } catch (IOException e) {
            throw new LaunchException("cannot open the mail web page on port " + webPort + ": " + e.getMessage(), e);
        }
        MailServer server = new MailServer(smtpPort, imapPort, webPort, web);
        try {
            server.startSmtp();
        } catch (RuntimeException e) {
            web.stop(0);
            throw new LaunchException("cannot start the mail server on ports " + smtpPort + "/" + imapPort + ": " + e.getMessage(), e);
        }
        web.createContext("/messages", guarded(exchange -> server.answer(exchange, "application/json", server.json(recipient(exchange)))));
        if (interruptible) {
            web.createContext("/interruption", guarded(exchange -> {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    exchange.close();
                    return;
                }
                String query = String.valueOf(exchange.getRequestURI().getQuery());
                Duration down = Duration.ofMillis(Long.parseLong(query.replaceFirst(".*millis=(\\d+).*", "$1")));
                server.stopSmtp();
                Thread back = new Thread(() -> {
                    ManagedProcess.sleep(down);
                    server.startSmtp();
                }, "mail-server-back");
                back.setDaemon(true);
                back.start();
                server.answer(exchange, "text/plain", "down for " + down);
            }));
        }
        web.createContext("/", guarded(exchange -> server.answer(exchange, "text/html; charset=utf-8", server.page())));
        web.setExecutor(java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mail-web");
            thread.setDaemon(true);
            thread.setContextClassLoader(MailServer.class.getClassLoader());
            return thread;
        }));
        web.start();
        return server;
    }

    /**
     * Runs a page with this library's class loader as the context one (Jakarta Mail finds its
     * implementation through it, and a test framework's loader may not see it) and answers a
     * failure with its message rather than a dropped connection.
     */
    private static com.sun.net.httpserver.HttpHandler guarded(com.sun.net.httpserver.HttpHandler page) {
        return exchange -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(MailServer.class.getClassLoader());
            try {
                page.handle(exchange);
            } catch (Throwable e) {
                byte[] bytes = ("mail server: " + e).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } finally {
                thread.setContextClassLoader(before);
            }
        };
    }

    private synchronized void startSmtp() {
        // GreenMail's threads take the starting thread's context class loader; Jakarta Mail, which
        // parses every received mail on them, looks its implementation up through it.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MailServer.class.getClassLoader());
        try {
            greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            greenMail.start();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * Takes the SMTP (and IMAP) server away for {@code down}, as an outage would, then brings it back on
     * the same ports; what it had received stays listed. For tests of mail that must survive an outage.
     */
    public void interrupt(Duration down) {
        stopSmtp();
        ManagedProcess.sleep(down);
        startSmtp();
    }

    private synchronized void stopSmtp() {
        earlier.addAll(decoded(greenMail.getReceivedMessages()));
        greenMail.stop();
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public int webPort() {
        return webPort;
    }

    public String webUrl() {
        return "http://localhost:" + webPort;
    }

    /** Every mail received so far, oldest first. */
    public synchronized List<Message> messages() {
        List<Message> all = new ArrayList<>(earlier);
        all.addAll(decoded(greenMail.getReceivedMessages()));
        return all;
    }

    private static List<Message> decoded(MimeMessage[] received) {
        List<Message> messages = new ArrayList<>();
        for (MimeMessage message : received) {
            try {
                Address[] to = message.getAllRecipients();
                messages.add(new Message(to == null ? List.of() : Arrays.stream(to).map(a -> a.toString().toLowerCase(Locale.ROOT)).toList(),
                        message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString(),
                        String.valueOf(message.getSubject()), text(message.getContent())));
            } catch (MessagingException | IOException e) {
                messages.add(new Message(List.of(), "", "(unreadable: " + e.getMessage() + ")", ""));
            }
        }
        return messages;
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return String.valueOf(part.getContent());
                }
            }
            return multipart.getCount() > 0 ? text(multipart.getBodyPart(0).getContent()) : "";
        }
        return String.valueOf(content);
    }

    private static String recipient(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("to=")) {
                return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private List<Message> to(String recipient) {
        return messages().stream().filter(m -> recipient == null || m.to().contains(recipient)).toList();
    }

    private String json(String recipient) {
        StringBuilder out = new StringBuilder("[");
        for (Message message : to(recipient)) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"to\":[");
            for (int i = 0; i < message.to().size(); i++) {
                out.append(i > 0 ? "," : "").append(quoted(message.to().get(i)));
            }
            out.append("],\"from\":").append(quoted(message.from()))
                    .append(",\"subject\":").append(quoted(message.subject()))
                    .append(",\"text\":").append(quoted(message.text())).append('}');
        }
        return out.append(']').toString();
    }

    private String page() {
        StringBuilder out = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Aqlli elektron: local mail</title></head>
                <body><h1>Mail sent by the local platform</h1><p>Newest first. JSON: <code>/messages?to=address</code></p>
                """);
        List<Message> all = new ArrayList<>(messages());
        java.util.Collections.reverse(all);
        for (Message message : all) {
            out.append("<hr><p><b>").append(escaped(message.subject())).append("</b><br>to ").append(escaped(String.join(", ", message.to())))
                    .append(", from ").append(escaped(message.from())).append("</p><pre>").append(escaped(message.text())).append("</pre>");
        }
        return out.append("</body></html>").toString();
    }

    private void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String escaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public synchronized void close() {
        web.stop(0);
        greenMail.stop();
    }
}
