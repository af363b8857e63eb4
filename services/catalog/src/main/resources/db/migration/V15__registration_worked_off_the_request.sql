-- A registration is answered (202) as soon as it is stored, whatever its manager's address, and
-- the Keycloak steps are worked off by catalog's registration worker (issue 11: the answer's timing
-- must not tell a new address from a taken one). The row carries what the worker needs: the
-- organization and manager as sent (never a password), and its attempts.
alter table registration add column request text;
alter table registration add column attempts integer not null default 0;
alter table registration add column last_error text;
create index registration_due on registration (lease_until) where state = 'STARTED';
