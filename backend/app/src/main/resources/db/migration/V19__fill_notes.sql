-- A fill that waited for the market says why (issue 19): `halted` when its order waited through a
-- trading halt (거래정지), `limit_locked` when a KRX day locked at the daily price limit refused it.
-- Null for every other fill, and for the fills of runs stored before.
alter table backtest_trades
  add column note varchar(12) check (note in ('limit_locked', 'halted'));
