-- A registration is confirmed from the manager's mailbox (issue 11): the answer to a registration
-- no longer says whether the e-mail already had an account, so the new manager's account has no
-- password, and cannot be signed in to, until a code mailed to the address is sent back with one.
-- Only the code's SHA-256 is kept; a code is used once and expires.
alter table registration add column confirmed_at timestamptz;
-- Managers registered before this step chose their password at registration: already usable.
update registration set confirmed_at = completed_at where state = 'COMPLETED';

create table registration_confirmation (
    code_hash       text primary key,
    registration_id uuid        not null references registration (id) on delete cascade,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);

create index registration_confirmation_of on registration_confirmation (registration_id);
