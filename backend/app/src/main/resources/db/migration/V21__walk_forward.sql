-- Issue 20: walk-forward optimisation. A walk-forward is an optimisation repeated over consecutive
-- windows: the grid is searched on each window's train part and the best feasible combination is
-- traded on the test part that follows, capital carried from window to window. Like an
-- optimisation it keeps a snapshot of the strategy and the resolved settings, so it can be
-- explained whatever happens to the strategy later, and it is fanned out as one job per (window,
-- slice of the grid). status uses the runs' enum; the API says "queued" for 'pending'.
create table walk_forwards (
  id                   uuid primary key,
  user_id              uuid            not null references users (id) on delete cascade,
  strategy_id          uuid            references strategies (id) on delete set null,
  strategy_name        varchar(100),
  strategy_code        text            not null,
  symbol               varchar(40)     not null,
  series_key           text            not null,
  dataset              varchar(10)     not null,
  portfolio            jsonb,
  interval             bar_interval    not null,
  start_date           date            not null,
  end_date             date            not null,
  initial_capital      numeric(24, 8)  not null check (initial_capital > 0),
  settings             jsonb           not null,
  ranges               jsonb           not null,
  objective            varchar(40)     not null,
  constraints          jsonb           not null default '[]'::jsonb,
  param_constraints    jsonb           not null default '[]'::jsonb,
  windows_spec         jsonb           not null,
  combinations         integer         not null check (combinations > 0),
  window_count         integer         not null check (window_count > 0),
  slices_per_window    integer         not null check (slices_per_window > 0),
  -- backtests of the train parts finished so far (the progress is this over window_count x
  -- combinations)
  backtests_done       bigint          not null default 0 check (backtests_done >= 0),
  status               backtest_status not null default 'pending',
  error                text,
  created_at           timestamptz     not null default now(),
  started_at           timestamptz,
  completed_at         timestamptz,
  -- the stitched out-of-sample part (metrics, downsampled equity, trade count, efficiency,
  -- parameter drift), bounded whatever the bars: null until completed
  result               jsonb,
  constraint walk_forwards_dates_check check (end_date >= start_date)
);
create index walk_forwards_user_created_idx on walk_forwards (user_id, created_at desc);

-- One row per window: its bar ranges (half-open indices into the bars it was planned on) and
-- times, then what the finish step found: the combination chosen on the train part and its run on
-- the test part.
create table walk_forward_windows (
  walk_forward_id       uuid             not null references walk_forwards (id) on delete cascade,
  number                integer          not null check (number > 0),
  train_from            integer          not null check (train_from >= 0),
  train_to              integer          not null,
  test_from             integer          not null,
  test_to               integer          not null,
  train_start           timestamptz      not null,
  train_end             timestamptz      not null,
  test_start            timestamptz      not null,
  test_end              timestamptz      not null,
  status                text             not null default 'queued'
    check (status in ('queued', 'running', 'completed')),
  combination           bigint,
  parameters            jsonb,
  in_sample_score       double precision,
  in_sample_metrics     jsonb,
  out_of_sample_metrics jsonb,
  start_equity          double precision,
  end_equity            double precision,
  trade_count           integer,
  primary key (walk_forward_id, number),
  constraint walk_forward_windows_parts_check
    check (train_to > train_from and test_from >= train_to and test_to > test_from)
);

-- One row per finished slice of a window's grid with the slice's best result (GridSearch.rank's
-- order: feasible first, then score, then combination): a retried slice finds its row and does
-- nothing twice, and a window's choice is the best of its slices' bests.
create table walk_forward_slices (
  walk_forward_id uuid             not null references walk_forwards (id) on delete cascade,
  window_number   integer          not null,
  slice           integer          not null,
  backtests       integer          not null check (backtests >= 0),
  combination     bigint           not null,
  parameters      jsonb            not null,
  score           double precision, -- null when the objective is undefined for the combination
  feasible        boolean          not null,
  metrics         jsonb            not null,
  finished_at     timestamptz      not null default now(),
  primary key (walk_forward_id, window_number, slice),
  foreign key (walk_forward_id, window_number)
    references walk_forward_windows (walk_forward_id, number) on delete cascade
);
