package uz.aqlli.launcher;

/** A reason the platform cannot start, worded for the person who ran it: one line, no stack trace. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
