-- Disputes (issue 13): over a whole order, one month of a subscription, or one milestone of a
-- signed contract. Opening one freezes just its subject until it is settled or resolved.
create table dispute (
    id                  uuid primary key,
    subject_kind        text          not null check (subject_kind in ('ORDER', 'MONTH', 'MILESTONE')),
    order_id            uuid          references purchase_order (id),
    contract_id         uuid          references contract (id),
    -- the month or milestone; none for a whole order
    subject_number      integer       check (subject_number >= 1),
    subject_amount_uzs  numeric(18,2) not null,
    currency            char(3)       not null default 'UZS',
    buyer_id            uuid          not null,
    seller_id           uuid          not null,
    -- the buyer's region when it was opened: its administration decides (null when the directory had none)
    buyer_region_code   text,
    seller_region_code  text,
    opened_by_side      text          not null check (opened_by_side in ('BUYER', 'SELLER')),
    opened_by           text          not null,
    reason_code         text          not null check (reason_code in ('NOT_DELIVERED', 'NOT_AS_AGREED', 'LATE', 'NOT_PAID', 'OTHER')),
    text                text          not null,
    status              text          not null check (status in ('OPEN', 'RESPONDED', 'SETTLED', 'ESCALATED', 'RESOLVED')),
    response_due_at     timestamptz   not null,
    responded_at        timestamptz,
    responded_by        text,
    response_text       text,
    buyer_outcome       text          check (buyer_outcome in ('ACCEPT', 'REDO', 'PARTIAL_AMOUNT', 'CANCEL')),
    buyer_amount_uzs    numeric(18,2),
    seller_outcome      text          check (seller_outcome in ('ACCEPT', 'REDO', 'PARTIAL_AMOUNT', 'CANCEL')),
    seller_amount_uzs   numeric(18,2),
    outcome             text          check (outcome in ('ACCEPT', 'REDO', 'PARTIAL_AMOUNT', 'CANCEL')),
    outcome_amount_uzs  numeric(18,2) check (outcome_amount_uzs > 0 and outcome_amount_uzs < subject_amount_uzs),
    escalated_at        timestamptz,
    escalated_by        text          check (escalated_by in ('BUYER', 'SELLER', 'RESPONSE_WINDOW')),
    escalation_text     text,
    resolved_by         text,
    resolved_for_region text,
    resolution_reason   text,
    opened_at           timestamptz   not null,
    closed_at           timestamptz,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0,
    check ((subject_kind = 'MILESTONE') = (contract_id is not null and order_id is null)),
    check ((subject_kind <> 'MILESTONE') = (order_id is not null and contract_id is null)),
    check ((subject_kind = 'ORDER') = (subject_number is null)),
    check ((status in ('SETTLED', 'RESOLVED')) = (outcome is not null and closed_at is not null)),
    check ((outcome = 'PARTIAL_AMOUNT') = (outcome_amount_uzs is not null)),
    check ((status = 'RESOLVED') = (resolution_reason is not null))
);
-- One living dispute per subject: the subject's freeze says so too; this is the last word.
create unique index dispute_one_living_per_subject on dispute (subject_kind, coalesce(order_id, contract_id), coalesce(subject_number, 0))
    where status in ('OPEN', 'RESPONDED', 'ESCALATED');
create index dispute_buyer on dispute (buyer_id, opened_at desc);
create index dispute_seller on dispute (seller_id, opened_at desc);
create index dispute_buyer_region on dispute (buyer_region_code, opened_at desc);
-- what the sweep looks for: open disputes whose response window has passed
create index dispute_response_due on dispute (response_due_at) where status = 'OPEN';

-- The order's and the month's last dispute, and what a partial settlement accepted them at (the
-- ordered amount stays beside it). A month may be cancelled by a dispute. The subject is frozen
-- before its dispute row is written (the dispute names the subject, the subject its dispute): the
-- reference is checked at commit.
alter table purchase_order
    add column dispute_id         uuid references dispute (id) deferrable initially deferred,
    add column settled_amount_uzs numeric(18,2) check (settled_amount_uzs > 0 and settled_amount_uzs < amount_uzs);
alter table subscription_month
    add column dispute_id         uuid references dispute (id) deferrable initially deferred,
    add column settled_amount_uzs numeric(18,2) check (settled_amount_uzs > 0 and settled_amount_uzs < amount_uzs);
alter table subscription_month drop constraint subscription_month_status_check;
alter table subscription_month add constraint subscription_month_status_check
    check (status in ('SCHEDULED', 'DELIVERED', 'ACCEPTED', 'DISPUTED', 'CANCELLED'));
