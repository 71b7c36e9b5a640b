-- Issue 21: runs are documents a trader keeps. Each run has a name (null until edited: the
-- application then names it by its strategy and symbol, which the search reads anyway), notes and tags
-- (normalised by the application: trimmed, unique ignoring case, at most 20 of at most 40
-- characters). The list searches name, notes, strategy name and symbol with ILIKE over the user's
-- own runs (backtests_user_created_idx narrows to them; pg_trgm is an extension, which the schema
-- may not need: docs/SUPABASE.md), and filters by a tag.
alter table backtests
  add column name  text check (length(name) between 1 and 200),
  add column notes text   not null default '' check (length(notes) <= 10000),
  add column tags  text[] not null default '{}' check (cardinality(tags) <= 20);

-- A public read-only link to one run. The token is kept as issued (not hashed) because its owner
-- must be able to copy the link again from the run page; it opens only what the owner chose to
-- share, which anyone who could read this table could read in backtests directly. Revoking deletes
-- the row, so the token stops working at once; sharing again issues a new one.
create table backtest_shares (
  backtest_id  uuid primary key references backtests (id) on delete cascade,
  token        text        not null unique check (length(token) between 22 and 64),
  include_code boolean     not null,
  created_at   timestamptz not null default now()
);
