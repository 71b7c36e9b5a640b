-- Market data gets owners, so that one user's CSV upload never changes what another user reads, and runs
-- record which series they read and a fingerprint of its bars, so they can be repeated and checked.
--
-- A series stays keyed by the `symbol` column of symbols, market_data, market_data_ranges and the block
-- tables; that column now holds a series key: the ticker itself for a shared series (every series stored
-- so far becomes one), or '~' and 32 hex digits for one user's own upload of a ticker (derived from the
-- owner and the ticker; no ticker may start with '~'). Partitions, blocks, caches and readers keyed by that
-- column keep the series apart without another change. `ticker` is what users type and see.

alter table symbols
  add column owner_id uuid references users (id) on delete cascade,
  add column ticker   varchar(40);
update symbols set ticker = symbol;
alter table symbols alter column ticker set not null;
alter table symbols add constraint symbols_owner_check
  check ((owner_id is null and symbol = ticker) or (owner_id is not null and symbol like '~%'));
create unique index symbols_owner_ticker_key on symbols (owner_id, ticker) where owner_id is not null;
create index symbols_owner_idx on symbols (owner_id) where owner_id is not null;

-- Whose series an import wrote: the uploader's own or the shared one.
alter table data_imports
  add column dataset varchar(6) not null default 'shared' check (dataset in ('own', 'shared'));

-- A run's series (its key; `symbol` keeps the ticker for display and filters), whether that was the
-- user's own upload or the shared series, the SHA-256 of the bars it read (hex, set when the bars are
-- loaded) and the run it repeats, if any.
alter table backtests
  add column series_key       varchar(40),
  add column dataset          varchar(6) not null default 'shared' check (dataset in ('own', 'shared')),
  add column data_fingerprint varchar(64),
  add column rerun_of         uuid references backtests (id) on delete set null;
update backtests set series_key = symbol;
alter table backtests alter column series_key set not null;

alter table optimizations
  add column series_key varchar(40),
  add column dataset    varchar(6) not null default 'shared' check (dataset in ('own', 'shared'));
update optimizations set series_key = symbol;
alter table optimizations alter column series_key set not null;

-- Writers that know nothing of owners (SQL by hand, tools older than this) still write what they meant: a
-- symbol without a ticker is a shared one, a run or optimisation without a series key reads the shared series.
create function symbols_shared_by_default() returns trigger
  language plpgsql as $$
begin
  new.ticker := coalesce(new.ticker, new.symbol);
  return new;
end
$$;
create trigger symbols_shared_by_default before insert on symbols
  for each row when (new.ticker is null) execute function symbols_shared_by_default();

create function series_key_shared_by_default() returns trigger
  language plpgsql as $$
begin
  new.series_key := coalesce(new.series_key, new.symbol);
  return new;
end
$$;
create trigger backtests_series_key_by_default before insert on backtests
  for each row when (new.series_key is null) execute function series_key_shared_by_default();
create trigger optimizations_series_key_by_default before insert on optimizations
  for each row when (new.series_key is null) execute function series_key_shared_by_default();
