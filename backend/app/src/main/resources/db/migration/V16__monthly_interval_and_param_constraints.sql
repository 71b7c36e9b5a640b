-- Issue 18: monthly bars and parameter constraints.
--
-- The 1M interval (a calendar month, labelled at local midnight of the 1st in the symbol's zone).
-- Interval codes are case-sensitive: '1m' is a minute and '1M' a month, and each has its own
-- market_data partition (PostgreSQL quotes mixed-case names, so md_..._1m and md_..._1M differ).
alter domain bar_interval drop constraint bar_interval_check;
alter domain bar_interval add constraint bar_interval_check
  check (value in ('1m', '5m', '15m', '1h', '4h', '1d', '1w', '1M'));

-- An optimisation's own parameter constraints (param_constraints: ["fast < slow"]), applied with the
-- strategy's constraint statements, and how many combinations of its grid broke one and were skipped
-- before running. combinations counts the valid ones only.
alter table optimizations
  add column param_constraints    jsonb  not null default '[]'::jsonb,
  add column skipped_combinations bigint not null default 0 check (skipped_combinations >= 0);
