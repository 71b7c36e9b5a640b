-- Issue 18: what a closed position paid beyond commissions and taxes, in the symbol's currency:
-- perpetual funding (negative when received) and short borrow fees with its share of the interest on
-- borrowed cash. 0 for every round trip stored before (none was charged), and for runs without them.
-- The liquidation exit reason needs no change: exit_reason is free text (V9).
alter table backtest_round_trips
  add column funding     double precision not null default 0,
  add column borrow_cost double precision not null default 0;
