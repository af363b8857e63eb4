-- The IKPU (MXIK) code of the national goods and services catalogue that an e-invoice line of an
-- order names (issue 12). Optional: offers published before this have none, and a provider may
-- publish before it has looked its code up.
alter table offer add column ikpu_code varchar(17) check (ikpu_code ~ '^[0-9]{17}$');
