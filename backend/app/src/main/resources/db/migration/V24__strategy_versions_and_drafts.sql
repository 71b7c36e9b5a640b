-- Strategy versions and drafts (no lost work). Every explicit save that changes a strategy's code
-- (and so its compiled parameters) keeps an immutable copy, numbered 1, 2, ... per strategy; a
-- restore adds a new version rather than rewriting history. Code that does not compile may be kept
-- as the strategy's draft beside its last valid version, which is what runs use. A run records the
-- version it ran, so its page can link to exactly that code.
create table strategy_versions (
  strategy_id uuid         not null references strategies (id) on delete cascade,
  number      integer      not null check (number > 0),
  name        varchar(200) not null,
  code        text         not null,
  parameters  jsonb        not null,
  note        varchar(500),
  -- the version this one restored (its content equals that version's); null for an ordinary save
  restored_from integer,
  created_at  timestamptz  not null,
  primary key (strategy_id, number)
);

-- version: the number of the strategy's current (valid) version; null while it has only a draft,
-- which then holds all its content and its code is empty.
alter table strategies
  add column version        integer check (version > 0),
  add column draft_code     text,
  add column draft_saved_at timestamptz;

-- Every existing strategy compiled when it was saved: its content is its version 1.
insert into strategy_versions (strategy_id, number, name, code, parameters, created_at)
select id, 1, name, code, parameters, updated_at from strategies;
update strategies set version = 1;

alter table strategies
  add constraint strategies_draft_check check ((draft_code is null) = (draft_saved_at is null)),
  add constraint strategies_content_check check (version is not null or draft_code is not null);

-- A run or optimisation links to the version it ran. Existing ones ran version 1 only if their
-- stored code is still the strategy's code; otherwise which version they ran cannot be told.
alter table backtests add column strategy_version integer;
update backtests b set strategy_version = 1
  from strategies s where b.strategy_id = s.id and b.strategy_code = s.code;
alter table optimizations add column strategy_version integer;
update optimizations o set strategy_version = 1
  from strategies s where o.strategy_id = s.id and o.strategy_code = s.code;
