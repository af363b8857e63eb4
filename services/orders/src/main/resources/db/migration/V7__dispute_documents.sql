-- Documents of a dispute (issue 13, "Public and private"): https links each step may carry, seen
-- only by whoever sees the dispute (its parties and the deciding administration), never on the topic.
alter table dispute
    add column opening_documents    text[] not null default '{}',
    add column response_documents   text[] not null default '{}',
    add column resolution_documents text[] not null default '{}';
