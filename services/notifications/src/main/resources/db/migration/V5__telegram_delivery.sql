-- The Telegram relay (telegram/TelegramRelay): a message Telegram can never take (the user blocked
-- the bot, the chat is gone) fails for good instead of being retried forever; a 429 pauses the
-- whole bot until its retry_after, in every process; and a sent message's text is emptied, as
-- mail's relay empties a sent body, so what was told does not stay in clear in the outbox.
alter table telegram_outbox add column failed_at timestamptz;
create table telegram_pause (
    bot   text primary key,
    until timestamptz not null
);
update telegram_outbox set text = '' where sent_at is not null and text <> '';
