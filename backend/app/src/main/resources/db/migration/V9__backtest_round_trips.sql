-- A run's round trips move out of backtests.result into rows of their own: a run with 200,000 trades
-- made that JSON 61 MB, and GET /api/v1/backtests/{id} read and wrote all of it on every view. Now the
-- result keeps the summary (metrics, returns, the downsampled equity, the open position) and
-- GET /api/v1/backtests/{id}/round-trips pages and filters these rows in the database.
create table backtest_round_trips (
  backtest_id uuid             not null references backtests (id) on delete cascade,
  seq         integer          not null check (seq >= 0), -- 0-based, in exit order
  side        varchar(5)       not null check (side in ('long', 'short')),
  quantity    numeric          not null check (quantity > 0),
  entry_time  timestamptz      not null,
  entry_price numeric          not null,
  exit_time   timestamptz      not null,
  exit_price  numeric          not null,
  pnl         numeric          not null, -- net of both fills' commissions and taxes
  return_pct  double precision not null,
  costs       numeric          not null,
  mae         double precision not null,
  mfe         double precision not null,
  bars_held   integer          not null,
  exit_reason varchar(20)      not null,
  primary key (backtest_id, seq)
);

-- The runs stored before: their trades become rows, and the result keeps only their count.
insert into backtest_round_trips (backtest_id, seq, side, quantity, entry_time, entry_price, exit_time,
                                  exit_price, pnl, return_pct, costs, mae, mfe, bars_held, exit_reason)
select b.id, (t.ord - 1)::integer, t.trip ->> 'side', (t.trip ->> 'quantity')::numeric,
       (t.trip ->> 'entry_time')::timestamptz, (t.trip ->> 'entry_price')::numeric,
       (t.trip ->> 'exit_time')::timestamptz, (t.trip ->> 'exit_price')::numeric,
       (t.trip ->> 'pnl')::numeric, (t.trip ->> 'return_pct')::double precision,
       (t.trip ->> 'costs')::numeric, (t.trip ->> 'mae')::double precision,
       (t.trip ->> 'mfe')::double precision, (t.trip ->> 'bars_held')::integer, t.trip ->> 'exit_reason'
from backtests b
cross join lateral jsonb_array_elements(b.result -> 'trades') with ordinality as t (trip, ord)
where jsonb_typeof(b.result -> 'trades') = 'array';

update backtests
set result = jsonb_set(result - 'trades', '{round_trip_count}', to_jsonb(jsonb_array_length(result -> 'trades')))
where jsonb_typeof(result -> 'trades') = 'array';
