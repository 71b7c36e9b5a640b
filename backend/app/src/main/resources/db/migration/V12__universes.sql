-- Saved universes: a named, ordered list of tickers that a portfolio run trades, kept per user so
-- a list of 50 KOSPI names is typed once. owner_id null marks a shared universe: everyone reads it,
-- only administrators change it. Symbols are tickers as users type them (not series keys), so a
-- universe can be defined before its data is loaded and follows the caller's own uploads; which of
-- them have bars is answered at read time, never stored. The array keeps the order users gave.
create table universes (
  id          uuid          primary key,
  owner_id    uuid          references users (id) on delete cascade, -- null: shared
  name        varchar(100)  not null check (length(name) > 0),
  description varchar(1000),
  symbols     varchar(40)[] not null check (cardinality(symbols) between 1 and 500),
  created_at  timestamptz   not null default now(),
  updated_at  timestamptz   not null default now()
);
create index universes_owner_idx on universes (owner_id, updated_at desc);

-- The shared universes every install starts with, inserted once here (an administrator may change
-- or delete them afterwards, and they stay that way). The first is over the synthetic sample data
-- loaded on first start (docs/DATA.md, "Data on first start"); the other two over the real series
-- the first online start fetches. Fixed ids so the web app and the docs can name them.
insert into universes (id, owner_id, name, description, symbols) values
  ('00000000-0000-4000-8000-000000000001', null,
   'Synthetic sample (8 symbols)',
   'SYNTHETIC data, generated, not real prices: eight made-up symbols over 2015-2024 with different '
     || 'drifts, volatilities and correlations, for trying portfolio strategies offline. '
     || '합성 데이터(실제 가격 아님): 오프라인에서 포트폴리오 전략을 시험하기 위한 가상 종목 8개.',
   array['SYN-TECH', 'SYN-CHIP', 'SYN-BANK', 'SYN-ENERGY', 'SYN-HEALTH', 'SYN-STAPLE',
         'SYN-BOND', 'SYN-GOLD']),
  ('00000000-0000-4000-8000-000000000002', null,
   'US asset classes',
   'US stocks, Nasdaq 100, long Treasuries and gold through ETFs (Yahoo Finance daily bars, fetched '
     || 'on the first online start). 미국 주식·나스닥100·장기 국채·금 ETF.',
   array['SPY', 'QQQ', 'TLT', 'GLD']),
  ('00000000-0000-4000-8000-000000000003', null,
   'KOSPI large caps',
   'Five of the largest KOSPI companies (Yahoo Finance daily bars, fetched on the first online '
     || 'start). 코스피 대형주 5종목.',
   array['005930.KS', '000660.KS', '005380.KS', '035420.KS', '051910.KS']);
