package uz.aqlli.platform.testing;

import io.restassured.RestAssured;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test SMTP server received ({@link TestInfrastructure#mail()}), read from its listing as
 * the local run's user reads the web page: tests find a mail by recipient and take the code from it.
 */
public final class Mailbox {

    /** How a mail states a confirmation code: on a line of its own, after "Code: ". */
    private static final Pattern CODE = Pattern.compile("(?m)^Code: ([A-Za-z0-9_-]{20,})\\s*$");

    private Mailbox() {
    }

    /** A received mail: recipients, subject and plain text. */
    public record Mail(List<String> to, String from, String subject, String text) {

        /** The confirmation code the mail carries. */
        public String code() {
            Matcher matcher = CODE.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no code in the mail \"" + subject + "\": " + text);
            }
            return matcher.group(1);
        }
    }

    /** Every mail to {@code address} so far, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<Mail> to(String address) {
        var response = RestAssured.given().queryParam("to", address).get(TestInfrastructure.mail().webUrl() + "/messages");
        if (response.statusCode() != 200) {
            throw new AssertionError("the test mail server answered " + response.statusCode() + ": " + response.asString());
        }
        List<Map<String, Object>> found = response.as(List.class);
        return found.stream().map(m -> new Mail((List<String>) m.get("to"), (String) m.get("from"), (String) m.get("subject"),
                (String) m.get("text"))).toList();
    }

    /** The {@code nth} mail (from 1) to {@code address} that matches, waiting up to {@code timeout} for it. */
    public static Mail await(String address, int nth, Predicate<Mail> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> matches = to(address).stream().filter(matching).toList();
            if (matches.size() >= nth) {
                return matches.get(nth - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail #" + nth + " to " + address + " within " + timeout + "; it has " + to(address));
            }
            sleep(100);
        }
    }

    /** The first mail to {@code address}, waiting up to ten seconds. */
    public static Mail first(String address) {
        return await(address, 1, mail -> true, Duration.ofSeconds(10));
    }

    /** Whether a mail to {@code address} that matches arrives within {@code wait}. */
    public static Optional<Mail> within(String address, Predicate<Mail> matching, Duration wait) {
        try {
            return Optional.of(await(address, 1, matching, wait));
        } catch (AssertionError none) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
