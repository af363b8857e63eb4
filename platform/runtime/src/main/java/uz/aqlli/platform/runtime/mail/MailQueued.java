package uz.aqlli.platform.runtime.mail;

import java.util.UUID;

/** Fired when a mail is written to the outbox; observed after the commit to send it at once. */
public record MailQueued(UUID id) {
}
