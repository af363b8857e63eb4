-- Onboarding (issue 3): where an organization sits, what it makes or sells, its contacts, the
-- administration's decisions, its users, and the registrations that create it in Keycloak.

alter table organization
    add column zone_type          varchar(32),
    add column zone_name          varchar(200),
    add column sectors            text[]       not null default '{}',
    add column service_categories text[]       not null default '{}',
    add column contact_phone      varchar(20),
    add column contact_email      varchar(254),
    add column keycloak_organization_id uuid unique,
    -- the last decision of the regional administration: why, by whom, when
    add column status_reason      varchar(1000),
    add column status_changed_by  varchar(64),
    add column status_changed_at  timestamptz;

update organization set zone_type = 'NONE' where zone_type is null;
alter table organization alter column zone_type set not null;

alter table organization drop constraint organization_status_check;
alter table organization add constraint organization_status_check
    check (status in ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED'));
alter table organization add constraint organization_zone_type_check
    check (zone_type in ('TECHNOPARK', 'SMALL_INDUSTRIAL_ZONE', 'FREE_ECONOMIC_ZONE', 'SPECIAL_INDUSTRIAL_ZONE', 'CLUSTER', 'NONE'));
alter table organization add constraint organization_district_in_region
    check (district_code is null or district_code like region_code || '%');

-- The people who act for an organization; one organization per user (the Keycloak subject).
create table member (
    user_id         uuid         primary key,
    organization_id uuid         not null references organization (id),
    email           varchar(254) not null unique,
    first_name      varchar(100) not null,
    last_name       varchar(100) not null,
    role            varchar(16)  not null check (role in ('MANAGER', 'MEMBER')),
    added_at        timestamptz  not null
);
create index member_organization on member (organization_id);

-- A self-registration in progress or done. Creating the Keycloak organization and user happens
-- outside the database transaction, so this row is what makes it safe: one per STIR, claimed by
-- a lease, resumed by a retry of the same request, undone by the sweeper when abandoned.
create table registration (
    id                       uuid         primary key,
    stir                     char(9)      not null unique,
    -- SHA-256 of the request without the password: "the same registration" when retried
    fingerprint              varchar(64)  not null,
    organization_id          uuid         not null unique,
    manager_email            varchar(254) not null,
    state                    varchar(16)  not null check (state in ('STARTED', 'COMPLETED')),
    keycloak_organization_id uuid,
    keycloak_user_id         uuid,
    lease_until              timestamptz  not null,
    started_at               timestamptz  not null,
    completed_at             timestamptz
);
create index registration_abandoned on registration (lease_until) where state = 'STARTED';
