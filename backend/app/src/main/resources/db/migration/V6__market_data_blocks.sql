-- Each series' bars kept a second time, densely, for the engine's reads (loadSeries).
--
-- Why: producing 1M rows of six columns costs the server 0.65 - 0.85 s whatever the client does (a send
-- function per value, per-row overhead in COPY), so reading a long series as rows cannot be "well under a
-- second". A block holds up to 32,768 consecutive bars of one series as one bytea: the times (int64 epoch
-- milliseconds), then the opens, highs, lows, closes and volumes (float8), each column contiguous and
-- big-endian. 1M bars are 31 rows the server sends as they are stored.
--
-- market_data stays the truth: every writer goes through the importer, which deletes the series' row in
-- market_data_block_sets in its own transaction; a builder then rewrites the blocks from market_data under
-- the series' advisory lock (the importer's) and inserts that row again. A reader uses blocks only when it
-- sees the row in the same statement, so it never reads blocks older than the bars; otherwise it reads
-- market_data. The blocks are derived data: deleting both tables' rows loses nothing.

create table market_data_blocks (
  symbol    varchar(40)  not null,
  interval  bar_interval not null,
  first_bar timestamptz  not null,
  last_bar  timestamptz  not null,
  bar_count integer      not null check (bar_count between 1 and 32768),
  bars      bytea        not null check (octet_length(bars) = 48 * bar_count),
  primary key (symbol, interval, first_bar)
);

-- Stored out of line, uncompressed: doubles barely compress, and reading them back must cost a copy only.
alter table market_data_blocks alter column bars set storage external;

-- A row here: the series' blocks hold exactly its bars in market_data.
create table market_data_block_sets (
  symbol    varchar(40)  not null,
  interval  bar_interval not null,
  bar_count bigint       not null,
  built_at  timestamptz  not null default now(),
  primary key (symbol, interval)
);
