-- Contracts after signing (issue 13): each milestone of the signed plan is delivered and accepted
-- (or accepted by the window's end), may fall overdue once, and may be frozen by a dispute.
alter table contract drop constraint contract_status_check;
alter table contract add constraint contract_status_check
    check (status in ('PENDING', 'ACTIVE', 'CANCELLED', 'COMPLETED', 'TERMINATED'));
-- A completed or terminated contract was signed first.
alter table contract drop constraint contract_check;
alter table contract add constraint contract_signed_check check ((status in ('PENDING', 'CANCELLED')) = (date_signed is null));

alter table contract_milestone
    add column status              text          not null default 'SCHEDULED'
        check (status in ('SCHEDULED', 'DELIVERED', 'MET', 'PARTIALLY_MET')),
    add column delivered_at        timestamptz,
    add column delivered_by        text,
    add column delivery_note       text,
    add column delivery_documents  text[],
    add column accepted_amount_uzs numeric(18,2) check (accepted_amount_uzs > 0),
    add column met_at              timestamptz,
    add column accepted_by         text,
    add column accepted_auto       boolean,
    add column rejection_reason    text,
    add column rejected_at         timestamptz,
    add column overdue_at          timestamptz,
    -- The dispute (issue 13, disputes) that holds this milestone still: no step, no sweep touches it.
    add column dispute_id          uuid,
    add check ((status in ('MET', 'PARTIALLY_MET')) = (accepted_amount_uzs is not null and met_at is not null)),
    add check (accepted_amount_uzs is null or accepted_amount_uzs <= amount_uzs);
