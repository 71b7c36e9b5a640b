-- A run may be measured against a benchmark: any stored symbol of the run's interval, resolved
-- like the run's own symbol (the caller's upload or the shared series), so a rerun reads the same
-- series by key. Its equity, rebased to the run's capital and aligned to the run's bars, is kept
-- beside the run's own series so charts can draw it at any range and point budget. (The older
-- column backtest_series.benchmark holds the buy-and-hold equity of the run's own symbol.)
alter table backtests
  add column benchmark_symbol     varchar(40),
  add column benchmark_series_key varchar(80),
  add constraint backtests_benchmark_check
    check ((benchmark_symbol is null) = (benchmark_series_key is null));

-- Encoded as the equity (little-endian doubles, deflated), one value per bar of the run; NaN for
-- bars before the benchmark's first bar. Null when the run has no benchmark.
alter table backtest_series add column benchmark_equity bytea;

-- An optimisation keeps the benchmark of its request, so a combination run as a backtest
-- (POST .../results/{combination}/backtest) is measured against it; the sweep itself ranks by the
-- run's own metrics.
alter table optimizations
  add column benchmark_symbol     varchar(40),
  add column benchmark_series_key varchar(80),
  add constraint optimizations_benchmark_check
    check ((benchmark_symbol is null) = (benchmark_series_key is null));
