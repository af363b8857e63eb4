-- Two answers to one question could both commit, each with its QuestionAnswered, the last one
-- winning (issue 11): the question row gets a version, so the second writer loses with a 412.
alter table request_question add column version bigint not null default 0;
