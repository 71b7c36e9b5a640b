-- Writers that know nothing of price adjustments (SQL by hand, tools older than V18) still write what
-- they meant: a run or optimisation inserted without its prices read its bars as stored, as every run
-- before V18 did (the basis derived as V18 derives it, no dividends, no price limits). Its settings
-- JSON then has no `prices`, which the service reads as "as stored" too.
create function run_prices_as_stored_by_default() returns trigger
  language plpgsql as $$
begin
  new.price_adjustment := coalesce(
    new.price_adjustment,
    (select case when s.source = 'yahoo' then 'split_adjusted' else 'raw' end
       from symbols s where s.symbol = coalesce(new.series_key, new.symbol)),
    'raw');
  new.dividends := coalesce(new.dividends, 'none');
  new.price_limits := coalesce(new.price_limits, false);
  return new;
end
$$;
create trigger backtests_prices_as_stored_by_default before insert on backtests
  for each row when (new.price_adjustment is null or new.dividends is null or new.price_limits is null)
  execute function run_prices_as_stored_by_default();
create trigger optimizations_prices_as_stored_by_default before insert on optimizations
  for each row when (new.price_adjustment is null or new.dividends is null or new.price_limits is null)
  execute function run_prices_as_stored_by_default();
