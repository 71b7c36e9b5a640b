-- Market data bookkeeping: what is stored per symbol and interval (so listing symbols never scans
-- market_data), and the log of every import: who imported what, from where, with what outcome.

create table market_data_ranges (
  symbol     varchar(40)  not null references symbols (symbol) on delete cascade,
  interval   bar_interval not null,
  first_bar  timestamptz  not null,
  last_bar   timestamptz  not null,
  bar_count  bigint       not null check (bar_count > 0),
  updated_at timestamptz  not null default now(),
  primary key (symbol, interval)
);

create table data_imports (
  id             uuid primary key,
  user_id        uuid         references users (id) on delete set null,
  kind           varchar(10)  not null check (kind in ('csv', 'fetch', 'seed')),
  source         varchar(40)  not null,
  symbol         varchar(40)  not null,
  interval       bar_interval not null,
  range_start    timestamptz,
  range_end      timestamptz,
  file_name      varchar(255),
  status         varchar(12)  not null check (status in ('pending', 'running', 'completed', 'failed', 'cancelled')),
  progress       smallint     not null default 0 check (progress between 0 and 100),
  rows_read      integer      not null default 0,
  rows_inserted  integer      not null default 0,
  rows_updated   integer      not null default 0,
  rows_skipped   integer      not null default 0,
  problems       jsonb,
  error          text,
  created_at     timestamptz  not null default now(),
  started_at     timestamptz,
  finished_at    timestamptz
);
create index data_imports_user_idx on data_imports (user_id, created_at desc);
create index data_imports_symbol_idx on data_imports (symbol, interval, created_at desc);
