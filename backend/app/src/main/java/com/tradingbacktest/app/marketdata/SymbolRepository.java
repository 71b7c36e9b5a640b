package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.cache.Caches;
import com.tradingbacktest.app.common.cache.SharedCache;
import com.tradingbacktest.app.common.persistence.LikePatterns;
import com.tradingbacktest.app.marketdata.fetch.Listing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * Symbols and the per-interval ranges kept beside them. Lookups by symbol and ranges are cached (in
 * Redis, shared by all instances, when REDIS_URL is set): this class is their only writer, so it
 * evicts on every change; the times to live only bound staleness should an eviction be missed (an
 * instance without Redis cannot see another's evictions).
 */
@Repository
class SymbolRepository {

  private static final String COLUMNS =
      "ticker, name, market, asset_class, currency, time_zone, tick_size, lot_size, source, symbol,"
          + " owner_id, board, name_ko";

  private final JdbcClient jdbc;
  private final SharedCache<SymbolInfo> symbolCache;
  private final SharedCache<List<DataRange>> rangeCache;

  SymbolRepository(JdbcClient jdbc, Caches caches) {
    this.jdbc = jdbc;
    this.symbolCache =
        caches.create("symbols", new TypeReference<>() {}, Duration.ofMinutes(10), 10_000);
    this.rangeCache =
        caches.create("data-ranges", new TypeReference<>() {}, Duration.ofMinutes(1), 10_000);
  }

  /** The symbol stored under {@code seriesKey} (a shared ticker or someone's own key). */
  Optional<SymbolInfo> find(String seriesKey) {
    return Optional.ofNullable(
        symbolCache.get(
            seriesKey,
            () ->
                jdbc.sql("select " + COLUMNS + " from symbols where symbol = ?")
                    .param(seriesKey)
                    .query(SymbolRepository::map)
                    .optional()
                    .orElse(null)));
  }

  /**
   * The symbols stored under several series keys, in one query for those not cached; keys with no
   * symbol are left out.
   */
  java.util.Map<String, SymbolInfo> findAll(java.util.Collection<String> seriesKeys) {
    return symbolCache.getAll(
        seriesKeys,
        missing -> {
          java.util.Map<String, SymbolInfo> found = new java.util.HashMap<>();
          if (!missing.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from symbols where symbol = any(:keys)")
                .param("keys", missing.toArray(new String[0]))
                .query(SymbolRepository::map)
                .list()
                .forEach(s -> found.put(s.seriesKey(), s));
          }
          return found;
        });
  }

  /** The shared symbols and {@code userId}'s own uploads matching, by ticker, shared first. */
  List<SymbolInfo> search(java.util.UUID userId, String query, String market, int limit) {
    String pattern =
        LikePatterns.contains(query == null ? null : query.toLowerCase(java.util.Locale.ROOT));
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from symbols where (owner_id is null or owner_id = :user)"
                + " and (lower(ticker) like :pattern escape '\\' or lower(name) like :pattern escape '\\'"
                + " or lower(name_ko) like :pattern escape '\\')"
                + " and (cast(:market as text) is null or market = :market)"
                + " order by ticker, owner_id nulls first limit :limit")
        .param("user", userId)
        .param("pattern", pattern)
        .param("market", market)
        .param("limit", limit)
        .query(SymbolRepository::map)
        .list();
  }

  /** Creates the symbol (under its series key), or leaves an existing one as it is. */
  void createIfMissing(SymbolInfo s) {
    jdbc.sql(
            "insert into symbols ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (symbol) do nothing")
        .params(
            s.symbol(),
            s.name(),
            s.market(),
            s.assetClass(),
            s.currency(),
            s.timeZone(),
            s.tickSize(),
            s.lotSize(),
            s.source(),
            s.seriesKey(),
            s.ownerId(),
            s.board(),
            s.nameKo())
        .update();
    symbolCache.evict(s.seriesKey());
  }

  /**
   * Creates the symbol, or leaves an existing one as it is, on {@code c}: in the transaction of the
   * import that brings its first bars. The caller evicts ({@link #evict}) after the commit.
   */
  static void insert(java.sql.Connection c, SymbolInfo s) throws java.sql.SQLException {
    try (java.sql.PreparedStatement ps =
        c.prepareStatement(
            "insert into symbols ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (symbol) do nothing")) {
      ps.setString(1, s.symbol());
      ps.setString(2, s.name());
      ps.setString(3, s.market());
      ps.setString(4, s.assetClass());
      ps.setString(5, s.currency());
      ps.setString(6, s.timeZone());
      ps.setBigDecimal(7, s.tickSize());
      ps.setBigDecimal(8, s.lotSize());
      ps.setString(9, s.source());
      ps.setString(10, s.seriesKey());
      ps.setObject(11, s.ownerId());
      ps.setString(12, s.board());
      ps.setString(13, s.nameKo());
      ps.executeUpdate();
    }
  }

  /**
   * Sets the KRX board and Korean name of the symbol stored under {@code seriesKey} (an
   * administrator's edit); a null leaves that part as it is.
   *
   * @return whether the symbol exists
   */
  boolean rename(String seriesKey, String board, String nameKo) {
    int changed =
        jdbc.sql(
                "update symbols set board = coalesce(:board, board), name_ko = coalesce(:nameKo,"
                    + " name_ko), updated_at = now() where symbol = :key")
            .param("board", board)
            .param("nameKo", nameKo)
            .param("key", seriesKey)
            .update();
    symbolCache.evict(seriesKey);
    return changed > 0;
  }

  /**
   * Gives the table's Korean name (and board, on KRX) to every stored symbol of {@code known}'s
   * ticker that has no Korean name yet, so an administrator's edit stays.
   */
  void applyKnown(KnownSymbols.Known known) {
    List<String> keys =
        jdbc.sql(
                "update symbols set name_ko = :nameKo,"
                    + " board = case when market = :market and cast(:board as text) is not null then :board"
                    + " else board end, updated_at = now()"
                    + " where ticker = :ticker and name_ko is null returning symbol")
            .param("nameKo", known.nameKo())
            .param("market", known.market())
            .param("board", known.board())
            .param("ticker", known.ticker())
            .query(String.class)
            .list();
    keys.forEach(symbolCache::evict);
  }

  /** Forgets what is cached of a symbol that changed outside this class's writes. */
  void evict(String symbol) {
    symbolCache.evict(symbol);
    rangeCache.evict(symbol);
  }

  /**
   * Fills in what an exchange says of a symbol that came from it ({@code source}) and has no bars
   * yet; the parts it does not say stay, and so does a name someone gave (one other than the
   * ticker).
   *
   * @return whether the symbol was changed
   */
  boolean describeIfEmpty(String symbol, String source, Listing listing) {
    String name =
        listing.name() == null || listing.name().length() <= 200
            ? listing.name()
            : listing.name().substring(0, 200);
    int changed =
        jdbc.sql(
                """
        update symbols set
          name = case when name = symbol then coalesce(:name, name) else name end,
          market = coalesce(:market, market),
          asset_class = coalesce(:assetClass, asset_class),
          currency = coalesce(:currency, currency),
          time_zone = coalesce(:timeZone, time_zone),
          board = case
              when coalesce(:market, market) <> 'KRX' then null
              when coalesce(:assetClass, asset_class) = 'etf' then 'etf'
              when coalesce(:assetClass, asset_class) = 'stock'
                then coalesce(board, case when ticker like '%.KQ' then 'kosdaq' else 'kospi' end)
            end,
          updated_at = now()
        where symbol = :symbol and source = :source
          and not exists (select 1 from market_data where symbol = :symbol)
        """)
            .param("symbol", symbol)
            .param("source", source)
            .param("name", name)
            .param("market", listing.market())
            .param("assetClass", listing.assetClass())
            .param("currency", listing.currency())
            .param("timeZone", listing.timeZone())
            .update();
    symbolCache.evict(symbol);
    return changed > 0;
  }

  List<DataRange> ranges(String symbol) {
    return rangeCache.get(
        symbol, () -> queryRanges(List.of(symbol)).getOrDefault(symbol, List.of()));
  }

  /**
   * The stored ranges of several symbols (those not cached in one query), finest interval first.
   */
  java.util.Map<String, List<DataRange>> rangesOf(java.util.Collection<String> symbols) {
    return rangeCache.getAll(
        symbols,
        missing -> {
          java.util.Map<String, List<DataRange>> found = queryRanges(missing);
          missing.forEach(symbol -> found.putIfAbsent(symbol, List.of()));
          return found;
        });
  }

  private java.util.Map<String, List<DataRange>> queryRanges(java.util.Collection<String> symbols) {
    java.util.Map<String, List<DataRange>> bySymbol = new java.util.HashMap<>();
    if (symbols.isEmpty()) {
      return bySymbol;
    }
    jdbc.sql(
            "select symbol, interval, first_bar, last_bar, bar_count, price_basis from market_data_ranges"
                + " where symbol = any(:symbols) order by symbol, case interval when '1m' then 1 when '5m' then 2"
                + " when '15m' then 3 when '1h' then 4 when '4h' then 5 when '1d' then 6 else 7 end")
        .param("symbols", symbols.toArray(new String[0]))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    bySymbol
                        .computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                        .add(
                            new DataRange(
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant(),
                                rs.getLong(5),
                                rs.getString(6))));
    bySymbol.replaceAll((symbol, list) -> List.copyOf(list));
    return bySymbol;
  }

  /** Recomputes one symbol's range for one interval from market_data (index-only: fast). */
  void refreshRange(String symbol, String interval) {
    jdbc.sql(
            """
        with r as (select min("timestamp") f, max("timestamp") l, count(*) c from market_data
                   where symbol = :symbol and interval = :interval)
        insert into market_data_ranges (symbol, interval, first_bar, last_bar, bar_count, updated_at)
        select :symbol, :interval, f, l, c, now() from r where c > 0
        on conflict (symbol, interval) do update
          set first_bar = excluded.first_bar, last_bar = excluded.last_bar, bar_count = excluded.bar_count,
              updated_at = now()
        """)
        .param("symbol", symbol)
        .param("interval", interval)
        .update();
    rangeCache.evict(symbol);
  }

  /**
   * When the bars of one interval of a series last changed: every write refreshes the range ({@link
   * #refreshRange}) in a transaction after the bars' own; empty when none are stored.
   */
  Optional<Instant> lastWrite(String seriesKey, String interval) {
    return jdbc.sql(
            "select updated_at from market_data_ranges where symbol = ? and interval = ?::bar_interval")
        .params(seriesKey, interval)
        .query((rs, row) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /**
   * Those of {@code tickers} with bars of any interval in a series {@code userId} reads: the shared
   * series or their own upload. One query, whatever the number of tickers.
   */
  java.util.Set<String> tickersWithBars(
      java.util.UUID userId, java.util.Collection<String> tickers) {
    if (tickers.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                """
            select distinct s.ticker from symbols s
            where ((s.owner_id is null and s.symbol = any(:tickers))
                   or (s.owner_id = :userId and s.ticker = any(:tickers)))
              and exists (select 1 from market_data_ranges r where r.symbol = s.symbol)
            """)
            .param("tickers", tickers.toArray(new String[0]))
            .param("userId", userId)
            .query(String.class)
            .list());
  }

  boolean anyBars() {
    return jdbc.sql("select exists (select 1 from market_data)").query(Boolean.class).single();
  }

  private static SymbolInfo map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new SymbolInfo(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getBigDecimal(7).stripTrailingZeros(),
        rs.getBigDecimal(8).stripTrailingZeros(),
        rs.getString(9),
        rs.getString(10),
        rs.getObject(11, java.util.UUID.class),
        rs.getString(12),
        rs.getString(13));
  }
}
