-- Issue 20, the robustness lab. An optimisation may hold out its last bars (out_of_sample: the
-- request's split and where it fell on the bars) and keeps every combination's bar returns as
-- power sums over cscv_partitions blocks (return_blocks: 5 x S doubles, the overfitting
-- statistics' input); once the grid is done a finish step stores the held-out results and the
-- statistics (robustness). Rows from before have none of them and answer null.
alter table optimizations
  add column out_of_sample   jsonb,
  add column cscv_partitions integer check (cscv_partitions between 2 and 64 and cscv_partitions % 2 = 0),
  add column robustness      jsonb;

alter table optimization_results
  add column return_blocks double precision[];

-- Monte Carlo analyses of completed runs: the spec (seed included, so an analysis can be repeated
-- bit for bit) and the summary of its paths. They go with their run.
create type monte_carlo_status as enum ('queued', 'running', 'completed', 'failed');

create table monte_carlo_analyses (
  id           uuid primary key,
  backtest_id  uuid               not null references backtests (id) on delete cascade,
  user_id      uuid               not null references users (id) on delete cascade,
  method       varchar(20)        not null,
  paths        integer            not null check (paths between 1 and 100000),
  seed         bigint             not null,
  block_length integer            check (block_length > 0),
  ruin_equity  double precision   not null check (ruin_equity > 0),
  status       monte_carlo_status not null default 'queued',
  error        text,
  created_at   timestamptz        not null default now(),
  started_at   timestamptz,
  completed_at timestamptz,
  result       jsonb
);
create index monte_carlo_analyses_backtest_idx on monte_carlo_analyses (backtest_id, created_at desc);
create index monte_carlo_analyses_user_status_idx on monte_carlo_analyses (user_id, status);
