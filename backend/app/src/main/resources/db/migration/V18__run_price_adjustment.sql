-- Issue 19: the prices a run or optimisation read. price_adjustment is the basis the engine saw
-- (raw, split_adjusted or total_return), dividends whether dividends were paid into the account as
-- cash, price_limits whether KRX daily price limits held orders back.
--
-- Everything stored before read its series' bars exactly as stored, without corporate actions: its
-- adjustment is the basis those bars are in, derived as V17 derives market_data_ranges.price_basis
-- (Yahoo's bars are split-adjusted, everything else raw; a series deleted since counts as raw), with
-- no dividends and no price limits, so a rerun reads the same bars and gives the same result.
alter table backtests
  add column price_adjustment text,
  add column dividends        text,
  add column price_limits     boolean,
  -- SHA-256 of what the run's prices depended on besides its bars (each series' basis and corporate
  -- actions, the adjustment): lets a view tell that an action changed without reloading the bars.
  -- Null when the run read its bars as stored.
  add column price_inputs_fingerprint text;

update backtests b
   set price_adjustment = coalesce(
         (select case when s.source = 'yahoo' then 'split_adjusted' else 'raw' end
            from symbols s where s.symbol = b.series_key), 'raw'),
       dividends = 'none',
       price_limits = false;

alter table backtests
  alter column price_adjustment set not null,
  alter column dividends set not null,
  alter column price_limits set not null,
  add constraint backtests_price_adjustment_known
    check (price_adjustment in ('raw', 'split_adjusted', 'total_return')),
  add constraint backtests_dividends_known check (dividends in ('cash', 'none'));

alter table optimizations
  add column price_adjustment text,
  add column dividends        text,
  add column price_limits     boolean;

update optimizations o
   set price_adjustment = coalesce(
         (select case when s.source = 'yahoo' then 'split_adjusted' else 'raw' end
            from symbols s where s.symbol = o.series_key), 'raw'),
       dividends = 'none',
       price_limits = false;

alter table optimizations
  alter column price_adjustment set not null,
  alter column dividends set not null,
  alter column price_limits set not null,
  add constraint optimizations_price_adjustment_known
    check (price_adjustment in ('raw', 'split_adjusted', 'total_return')),
  add constraint optimizations_dividends_known check (dividends in ('cash', 'none'));

-- The settings JSON of each says the same (settings.prices, RunSettings.Prices): as_stored marks the
-- runs that read their bars as stored, so a rerun of one reads them the same way.
update backtests
   set settings = settings || jsonb_build_object('prices', jsonb_build_object(
         'price_adjustment', price_adjustment, 'dividends', 'none', 'price_limits', false,
         'price_basis', price_adjustment, 'board', null::text, 'as_stored', true, 'note', null::text))
 where not (settings ? 'prices');

update optimizations
   set settings = settings || jsonb_build_object('prices', jsonb_build_object(
         'price_adjustment', price_adjustment, 'dividends', 'none', 'price_limits', false,
         'price_basis', price_adjustment, 'board', null::text, 'as_stored', true, 'note', null::text))
 where not (settings ? 'prices');

-- Dividends a closed position received while open (negative when a short paid them), in the symbol's
-- currency, like funding (V15). 0 for every round trip stored before: none were paid.
alter table backtest_round_trips
  add column dividends double precision not null default 0;
