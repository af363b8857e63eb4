-- The relay now empties a mail's body once it is sent, so no registration code stays in clear in
-- the database; mails sent before that still held theirs.
update mail_outbox set body = '' where sent_at is not null and body <> '';
