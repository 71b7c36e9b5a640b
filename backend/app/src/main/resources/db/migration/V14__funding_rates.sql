-- Perpetual futures funding (issue 18): a symbol says what kind of instrument its bars are, and a
-- perpetual may have a series of funding rates, fetched from Binance's USD-M futures funding history
-- or imported as CSV. A series belongs to a series key as bars do (the ticker for the shared series,
-- the owner's own key for an upload, V7), so one user's funding upload never changes another's runs.

-- spot: a cash instrument (stocks, spot crypto, everything stored before); perpetual: a perpetual
-- futures contract, whose runs are charged funding. Storing a funding series marks its symbol perpetual.
alter table symbols
  add column instrument varchar(10) not null default 'spot' check (instrument in ('spot', 'perpetual'));

-- One funding event: at funding_time a long position pays rate * its value (a short receives it);
-- a negative rate is paid by shorts. |rate| < 1: exchanges cap funding far below that, so a larger
-- value is a unit mistake (percent for a fraction), refused at the door as well as here.
create table funding_rates (
  symbol       varchar(40)      not null references symbols (symbol) on delete cascade,
  funding_time timestamptz      not null,
  rate         double precision not null check (rate > -1 and rate < 1),
  primary key (symbol, funding_time)
);
