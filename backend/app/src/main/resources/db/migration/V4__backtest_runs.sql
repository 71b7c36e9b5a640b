-- Backtest runs on the job queue (JobRunr keeps its own jobrunr_* tables), their stored series,
-- and parameter optimisations fanned out over slices of a grid.

-- A run keeps the code it ran: the strategy may be edited or deleted afterwards.
alter table backtests
  add column strategy_name varchar(100),
  add column strategy_code text     not null default '',
  add column attempts      smallint not null default 0,
  add column heartbeat_at  timestamptz;
create index backtests_user_status_idx on backtests (user_id, status);
create index backtests_user_symbol_idx on backtests (user_id, symbol);

-- Fills: the seed's columns plus the tax of a sell and the bar it happened in.
alter table backtest_trades
  add column tax       numeric not null default 0 check (tax >= 0),
  add column bar_index integer;

-- The full per-bar series of a finished run, compactly (see SeriesCodec): charts are served from it
-- downsampled for any range, so backtests.result stays small even for a million bars.
create table backtest_series (
  backtest_id uuid    primary key references backtests (id) on delete cascade,
  bar_count   integer not null check (bar_count >= 0),
  times       bytea   not null,
  equity      bytea   not null,
  benchmark   bytea   not null
);

create table optimizations (
  id              uuid primary key,
  user_id         uuid            not null references users (id) on delete cascade,
  strategy_id     uuid            references strategies (id) on delete set null,
  strategy_name   varchar(100),
  strategy_code   text            not null,
  symbol          varchar(40)     not null,
  interval        bar_interval    not null,
  start_date      date            not null,
  end_date        date            not null,
  initial_capital numeric(24, 8)  not null check (initial_capital > 0),
  settings        jsonb           not null,
  ranges          jsonb           not null,
  objective       varchar(40)     not null,
  constraints     jsonb           not null default '[]'::jsonb,
  combinations    integer         not null check (combinations > 0),
  slice_count     integer         not null check (slice_count > 0),
  status          backtest_status not null default 'pending',
  error           text,
  created_at      timestamptz     not null default now(),
  started_at      timestamptz,
  completed_at    timestamptz,
  constraint optimizations_dates_check check (end_date >= start_date)
);
create index optimizations_user_created_idx on optimizations (user_id, created_at desc);

-- One row per finished slice: a retried slice job finds its row and does nothing twice.
create table optimization_slices (
  optimization_id uuid        not null references optimizations (id) on delete cascade,
  slice           integer     not null,
  finished_at     timestamptz not null default now(),
  primary key (optimization_id, slice)
);

create table optimization_results (
  optimization_id uuid             not null references optimizations (id) on delete cascade,
  combination     bigint           not null,
  parameters      jsonb            not null,
  metrics         jsonb            not null,
  score           double precision, -- null when the objective is undefined for the combination
  feasible        boolean          not null,
  primary key (optimization_id, combination)
);
create index optimization_results_rank_idx
  on optimization_results (optimization_id, feasible desc, score desc nulls last, combination);
