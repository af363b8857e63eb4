-- Telegram (service/telegram): one-time link codes, each user's linked chat, the bot's update
-- offset (getUpdates resumes after the last update handled, across restarts), and the outbox of
-- messages the relay sends with sendMessage.
create table telegram_link_code (
    code       text primary key,
    user_id    text not null,
    expires_at timestamptz not null
);
create table telegram_chat (
    user_id   text primary key,
    chat_id   bigint not null,
    linked_at timestamptz not null default now()
);
create table telegram_offset (
    bot         text primary key,
    next_update bigint not null
);
create table telegram_outbox (
    id              uuid primary key,
    notification_id uuid unique,
    chat_id         bigint not null,
    text            text not null,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        int not null default 0,
    sent_at         timestamptz,
    last_error      text
);
create index telegram_outbox_due on telegram_outbox (next_attempt_at) where sent_at is null;
alter table recipient add column telegram_enabled boolean not null default true;
