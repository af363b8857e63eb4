-- Mail to send, written in the transaction that decided to send it and sent after its commit by
-- the relay (platform/runtime MailRelay), which retries with back-off until the SMTP server takes
-- it: a mail is neither sent for a change that rolled back nor lost while the server is away.
create table mail_outbox (
    id              uuid primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;
