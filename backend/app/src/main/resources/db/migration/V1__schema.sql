-- The whole schema of the stack document (section 5) plus what the capabilities need.
-- Money and prices are numeric, times timestamptz (UTC). Flyway owns this schema; Hibernate only reads it.

create type backtest_status as enum ('pending', 'running', 'completed', 'failed', 'cancelled');
create type trade_type as enum ('buy', 'sell');

-- Bar intervals the engine understands; one domain so every table agrees.
create domain bar_interval as varchar(3)
  check (value in ('1m', '5m', '15m', '1h', '4h', '1d', '1w'));

create table users (
  id            uuid primary key,
  email         varchar(254) not null,
  username      varchar(32)  not null,
  password_hash varchar(100) not null,
  created_at    timestamptz  not null default now(),
  updated_at    timestamptz  not null default now()
);
-- Case-insensitive uniqueness: "Alice" and "alice" are one account.
create unique index users_email_key on users (lower(email));
create unique index users_username_key on users (lower(username));

create table refresh_tokens (
  id          uuid primary key,
  user_id     uuid        not null references users (id) on delete cascade,
  family_id   uuid        not null,
  token_hash  bytea       not null unique,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz,
  replaced_by uuid,
  user_agent  varchar(255),
  ip_address  varchar(64)
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

create table api_keys (
  id           uuid primary key,
  user_id      uuid         not null references users (id) on delete cascade,
  name         varchar(100) not null,
  prefix       varchar(16)  not null,
  key_hash     bytea        not null unique,
  created_at   timestamptz  not null default now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index api_keys_user_idx on api_keys (user_id);

create table strategies (
  id          uuid primary key,
  user_id     uuid         not null references users (id) on delete cascade,
  name        varchar(200) not null,
  description text,
  code        text         not null,
  parameters  jsonb        not null default '{}'::jsonb,
  is_public   boolean      not null default false,
  created_at  timestamptz  not null default now(),
  updated_at  timestamptz  not null default now()
);
create index strategies_user_idx on strategies (user_id, updated_at desc);

create table symbols (
  symbol      varchar(40)  primary key,
  name        varchar(200) not null,
  market      varchar(20)  not null check (market in ('KRX', 'NASDAQ', 'NYSE', 'UPBIT', 'BINANCE', 'CUSTOM')),
  asset_class varchar(20)  not null check (asset_class in ('stock', 'etf', 'index', 'crypto', 'fx', 'other')),
  currency    varchar(10)  not null,
  time_zone   varchar(64)  not null,
  tick_size   numeric(30, 12) not null check (tick_size > 0),
  lot_size    numeric(30, 12) not null check (lot_size > 0),
  source      varchar(20)  not null,
  created_at  timestamptz  not null default now(),
  updated_at  timestamptz  not null default now()
);

create table market_data (
  id          bigserial primary key,
  symbol      varchar(40)  not null references symbols (symbol) on delete cascade,
  interval    bar_interval not null,
  "timestamp" timestamptz  not null,
  open        numeric      not null,
  high        numeric      not null,
  low         numeric      not null,
  close       numeric      not null,
  volume      numeric      not null default 0,
  constraint market_data_symbol_interval_timestamp_key unique (symbol, interval, "timestamp"),
  constraint market_data_ohlc_check check (high >= low and high >= open and high >= close
                                           and low <= open and low <= close and volume >= 0)
);
-- The stack document's (symbol, timestamp) index, for queries that span intervals.
create index market_data_symbol_timestamp_idx on market_data (symbol, "timestamp");

create table backtests (
  id              uuid primary key,
  user_id         uuid            not null references users (id) on delete cascade,
  strategy_id     uuid            references strategies (id) on delete set null,
  symbol          varchar(40)     not null,
  interval        bar_interval    not null default '1d',
  start_date      date            not null,
  end_date        date            not null,
  initial_capital numeric(24, 8)  not null check (initial_capital > 0),
  status          backtest_status not null default 'pending',
  progress        smallint        not null default 0 check (progress between 0 and 100),
  error           text,
  settings        jsonb           not null default '{}'::jsonb,
  parameters      jsonb           not null default '{}'::jsonb,
  result          jsonb,
  created_at      timestamptz     not null default now(),
  started_at      timestamptz,
  completed_at    timestamptz,
  constraint backtests_dates_check check (end_date >= start_date)
);
create index backtests_user_created_idx on backtests (user_id, created_at desc);
create index backtests_strategy_idx on backtests (strategy_id);
create index backtests_status_idx on backtests (status) where status in ('pending', 'running');

create table backtest_trades (
  id          bigserial primary key,
  backtest_id uuid        not null references backtests (id) on delete cascade,
  "timestamp" timestamptz not null,
  type        trade_type  not null,
  price       numeric     not null,
  quantity    numeric     not null check (quantity > 0),
  commission  numeric     not null default 0 check (commission >= 0)
);
create index backtest_trades_backtest_idx on backtest_trades (backtest_id, "timestamp");
