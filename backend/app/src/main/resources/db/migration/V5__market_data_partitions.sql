-- market_data becomes one table per series, so a first import of a long series loads at COPY speed.
--
-- Why: inserting a row into a shared b-tree costs about 2 microseconds here whatever the key, so 1M bars
-- into one big table take 3.5 s or more before any other work; a table built for the series and indexed
-- once after loading (a sort, under a second for 1M rows) and then attached takes about half that.
-- The table keeps the stack document's shape for every reader: `market_data` with symbol, interval,
-- timestamp and OHLCV. It is partitioned by symbol, each symbol's partition by interval; a leaf holds
-- one series. Departures from section 5.4, for the same reason: prices and volume are double precision
-- (the engine computes in doubles; numeric cost a text conversion on every read and a slower check on
-- every write), the surrogate id is gone (nothing refers to a bar by id; the natural key is the primary
-- key), and the (symbol, timestamp) index is gone (the symbol's partition plus the primary key serve it;
-- no query spans intervals).
--
-- Writers create a series' partition first: market_data_add_series(symbol, interval). The importer
-- instead builds a new series' leaf itself (create, COPY, index, attach) with the names of
-- market_data_table(). No default partition: a row for a series nobody created is an error, not a row
-- lost in a catch-all that would later block attaching its series.

alter table market_data rename to market_data_v4;
alter index market_data_pkey rename to market_data_v4_pkey;
alter table market_data_v4 rename constraint market_data_symbol_interval_timestamp_key to market_data_v4_key;
alter table market_data_v4 rename constraint market_data_ohlc_check to market_data_v4_ohlc_check;
drop index market_data_symbol_timestamp_idx;

create table market_data (
  symbol      varchar(40)      not null,
  interval    bar_interval     not null,
  "timestamp" timestamptz      not null,
  open        double precision not null,
  high        double precision not null,
  low         double precision not null,
  close       double precision not null,
  volume      double precision not null default 0,
  constraint market_data_pkey primary key (symbol, interval, "timestamp"),
  constraint market_data_ohlc_check check (high >= low and high >= open and high >= close
                                           and low <= open and low <= close and volume >= 0)
) partition by list (symbol);

-- The partition's name: readable prefix, a hash for uniqueness (symbols differ only in punctuation or
-- case), and the interval for a series' leaf. Always within PostgreSQL's 63-character identifiers.
create function market_data_table(p_symbol text) returns text
  language sql immutable strict parallel safe as $$
  select 'md_' || left(regexp_replace(lower(p_symbol), '[^a-z0-9]+', '_', 'g'), 24) || '_'
         || left(md5(p_symbol), 8)
$$;

create function market_data_series_table(p_symbol text, p_interval text) returns text
  language sql immutable strict parallel safe as $$
  select market_data_table(p_symbol) || '_' || p_interval
$$;

-- Whether the current schema has this table. Asked with a query, so after waiting for a lock it sees what
-- the lock holder committed (to_regclass() looks in the catalog cache, which can lag).
create function market_data_has_table(p_name text) returns boolean
  language sql stable strict as $$
  select exists (select 1 from pg_class where relname = p_name and relnamespace = current_schema()::regnamespace)
$$;

-- Creates the symbol's partition if missing (empty: attaching it checks nothing) and returns its name.
-- Creation is serialised by an advisory lock, so two first imports of one symbol do not both create it;
-- once it exists, callers take no lock.
create function market_data_add_symbol(p_symbol text) returns text
  language plpgsql as $$
declare
  t text := market_data_table(p_symbol);
begin
  if not market_data_has_table(t) then
    perform pg_advisory_xact_lock(hashtext('market_data:' || p_symbol));
    if not market_data_has_table(t) then
      execute format('create table %I (like market_data including defaults including constraints)'
                     ' partition by list (interval)', t);
      execute format('alter table %I add constraint %I primary key (symbol, interval, "timestamp")', t, t || '_pkey');
      execute format('alter table market_data attach partition %I for values in (%L)', t, p_symbol);
    end if;
  end if;
  return t;
end
$$;

-- Creates the series' (empty) leaf if missing and returns its name. The lock key is the importer's, which
-- holds it for a whole import of the series.
create function market_data_add_series(p_symbol text, p_interval text) returns text
  language plpgsql as $$
declare
  s text := market_data_add_symbol(p_symbol);
  t text := market_data_series_table(p_symbol, p_interval);
begin
  if not market_data_has_table(t) then
    perform pg_advisory_xact_lock(hashtext('market_data:' || p_symbol || ':' || p_interval));
    if not market_data_has_table(t) then
      execute format('create table %I (like market_data including defaults including constraints)', t);
      execute format('alter table %I add constraint %I primary key (symbol, interval, "timestamp")', t, t || '_pkey');
      execute format('alter table %I attach partition %I for values in (%L)', s, t, p_interval);
    end if;
  end if;
  return t;
end
$$;

select market_data_add_series(symbol, interval) from (select distinct symbol, interval from market_data_v4) s;

insert into market_data (symbol, interval, "timestamp", open, high, low, close, volume)
select symbol, interval, "timestamp", open, high, low, close, volume from market_data_v4
order by symbol, interval, "timestamp";

drop table market_data_v4;
