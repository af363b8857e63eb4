-- What an e-invoice (e-Faktura / ESF) of an order names of its parties (issue 12): the legal
-- address of both, the seller's VAT registration.

-- Every registration now gives a legal address. Organizations registered before this never said
-- theirs, and the directory does not invent one: their address stays null (no value rather than a
-- made-up or empty one). A null VAT code means the organization does not charge VAT.
alter table organization
    add column address text check (length(address) between 1 and 300),
    add column vat_registration_code varchar(12) check (vat_registration_code ~ '^[0-9]{12}$');
