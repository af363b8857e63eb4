package uz.aqlli.platform.runtime.inbox;

/** A record that can never be handled, however often it is retried: it belongs in a dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
