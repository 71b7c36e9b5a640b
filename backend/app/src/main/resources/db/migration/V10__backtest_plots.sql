-- The series a strategy draws with plot(...), stored in full with the run like its equity (in
-- backtest_series), so GET /api/v1/backtests/{id}/series can serve any range at any point budget.
-- One row per plot: a request for some of them reads and decodes only those, and the run's view
-- lists them without touching their values. The values are encoded as the equity series is
-- (little-endian doubles, NaN for na, deflated); their times are the run's, in backtest_series.
-- A strategy draws at most 16 plots, each of the run's bar count: storage is bounded by the run's
-- own limits.
create table backtest_plots (
  backtest_id uuid        not null references backtests (id) on delete cascade,
  position    smallint    not null check (position between 0 and 15), -- declaration order
  title       varchar(40) not null check (length(title) > 0 and position(',' in title) = 0),
  color       varchar(7)  check (color ~ '^#[0-9a-f]{6}$'),           -- null: the chart picks one
  style       varchar(9)  not null check (style in ('line', 'step', 'histogram')),
  pane        varchar(5)  not null check (pane in ('price', 'lower')),
  bar_count   integer     not null check (bar_count >= 0),
  "values"    bytea       not null,
  primary key (backtest_id, position),
  unique (backtest_id, title)
);
