-- Portfolio runs: one account over several symbols (issue 17). A run over one symbol keeps every
-- column as before; a portfolio run also keeps what it was resolved to, and its per-symbol outputs.

-- What a portfolio run reads and how: its symbols with their series keys, currencies and costs, the
-- FX series per foreign currency, the base currency, the rebalance schedule the request set (null:
-- the strategy's) and the time zone of its calendar periods. Null for a single-symbol run. The
-- column symbol keeps the first symbol (lists and filters by symbol keep working).
alter table backtests add column portfolio jsonb;

-- Fills and round trips carry their symbol. Null in the rows of single-symbol runs (stored before
-- or since): their symbol is the run's.
alter table backtest_trades add column symbol varchar(40);
alter table backtest_round_trips add column symbol varchar(40);
create index backtest_trades_symbol_idx on backtest_trades (backtest_id, symbol, "timestamp")
  where symbol is not null;
create index backtest_round_trips_symbol_idx on backtest_round_trips (backtest_id, symbol, seq)
  where symbol is not null;

-- Per symbol of a portfolio run, its quantity and its weight (value / equity, in the base currency)
-- at each of the run's times (backtest_series.times), encoded like the equity: read by time range,
-- point budget and symbol, never all at once.
create table backtest_holdings (
  backtest_id uuid        not null references backtests (id) on delete cascade,
  leg         integer     not null check (leg >= 0),
  symbol      varchar(40) not null,
  quantity    bytea       not null,
  weight      bytea       not null,
  primary key (backtest_id, leg)
);
create unique index backtest_holdings_symbol_idx on backtest_holdings (backtest_id, symbol);
