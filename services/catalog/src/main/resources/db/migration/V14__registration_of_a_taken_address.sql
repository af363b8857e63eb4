-- A registration whose manager's address already has an account (issue 11) is kept too, as
-- ADDRESS_TAKEN: it makes nothing and gets no code, but reserves its STIR as a new address's
-- registration does, so that a second request for that STIR cannot tell the two apart.
alter table registration drop constraint registration_state_check;
alter table registration add constraint registration_state_check
    check (state in ('STARTED', 'COMPLETED', 'ADDRESS_TAKEN'));
