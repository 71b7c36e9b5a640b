-- Prices a long-term investor can trust (issue 19): the corporate actions of a series (splits, cash
-- dividends, trading halts) stored as data beside its bars, the price basis its bars are stored in,
-- and the KRX board and Korean name of a symbol. The bars keep the prices their source gave; runs and
-- charts adjust them at read time from the actions and the basis.

-- One action of one series. `symbol` is the series key (V7): the shared series' ticker or an owner's
-- own key, so one user's actions (from their CSV) never change what another reads. A split's ratio is
-- new shares per old share (2-for-1: 2; 1-for-10 reverse: 0.1); a dividend's amount is the cash per
-- share as traded on its ex-date (raw terms, whatever the basis of the bars); a halt runs from ex_date
-- to end_date, both inclusive. Dates are calendar dates in the symbol's zone. One action of a kind per
-- day: a second import of the same day replaces it.
create table corporate_actions (
  symbol      varchar(40)      not null references symbols (symbol) on delete cascade,
  kind        varchar(8)       not null check (kind in ('split', 'dividend', 'halt')),
  ex_date     date             not null,
  end_date    date,
  ratio       double precision,
  amount      double precision,
  source      varchar(20)      not null check (source in ('yahoo', 'csv', 'adj_close', 'halted_column')),
  imported_by uuid             references users (id) on delete set null,
  imported_at timestamptz      not null default now(),
  primary key (symbol, kind, ex_date),
  constraint corporate_actions_values_check check (
    (kind = 'split' and ratio > 0 and ratio <> 1 and ratio < 'Infinity' and amount is null and end_date is null)
    or (kind = 'dividend' and amount > 0 and amount < 'Infinity' and ratio is null and end_date is null)
    or (kind = 'halt' and end_date >= ex_date and ratio is null and amount is null))
);

-- The basis a series' bars are stored in: raw (as traded each day) or split_adjusted (earlier bars
-- divided by each later split, as Yahoo's chart serves them). Series fetched from Yahoo (its chart
-- prices are split-adjusted) are split_adjusted; everything else stored so far (CSV uploads, the
-- sample data, Upbit and Binance, which have no splits) raw.
-- adjusted_at: for a split_adjusted series, when its prices were last adjusted (Yahoo adjusts for
-- every split up to the moment it answers): a split whose ex-date is after it is not in the stored bars
-- yet, and the fetch that brings it rebases them; a split before it already is.
alter table market_data_ranges
  add column price_basis varchar(14) not null default 'raw'
    check (price_basis in ('raw', 'split_adjusted')),
  add column adjusted_at timestamptz;
update market_data_ranges r set price_basis = 'split_adjusted', adjusted_at = updated_at
where exists (select 1 from symbols s where s.symbol = r.symbol and s.source = 'yahoo')
   or exists (select 1 from data_imports i
              where i.symbol = r.symbol and i.interval = r.interval and i.source = 'yahoo'
                and i.kind in ('fetch', 'seed') and i.status = 'completed' and i.rows_inserted > 0);

-- The KRX board a symbol is listed on (its tick table and price limits depend on it), null outside
-- KRX, and its Korean name when known. Yahoo's .KS tickers are KOSPI, .KQ KOSDAQ, KRX ETFs their own.
alter table symbols
  add column board   varchar(6) check (board in ('kospi', 'kosdaq', 'konex', 'etf')),
  add column name_ko varchar(200);
update symbols set board = case
    when asset_class = 'etf' then 'etf'
    when ticker like '%.KQ' then 'kosdaq'
    when ticker like '%.KS' then 'kospi'
  end
where market = 'KRX' and asset_class in ('stock', 'etf');
