package com.tradingbacktest.app.backtest.run;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.backtest.events.RunEvents;
import com.tradingbacktest.engine.portfolio.PortfolioFill;
import com.tradingbacktest.engine.sim.Fill;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code backtests}, {@code backtest_trades} and {@code backtest_series}. Every status
 * change is one statement that also NOTIFYs {@link RunEvents#CHANNEL} when (and only when) a row
 * changed, so the event commits with the change and any instance can stream it.
 */
@Repository
public class BacktestRepository {

  /** The headline metrics a list shows, picked out of the result inside the database. */
  static final List<String> KEY_METRICS =
      List.of(
          "total_return",
          "cagr",
          "sharpe_ratio",
          "sortino_ratio",
          "max_drawdown",
          "win_rate",
          "profit_factor",
          "trade_count",
          "final_equity",
          "buy_and_hold_return");

  private static final String SUMMARY_COLUMNS =
      "id, user_id, strategy_id, strategy_name, null as strategy_code, symbol,"
          + " interval, start_date, end_date, initial_capital, status, progress, error, settings, parameters,"
          + " "
          + keyMetrics()
          + ", created_at, started_at, completed_at, attempts, series_key, dataset, data_fingerprint,"
          + " rerun_of, benchmark_symbol, benchmark_series_key, portfolio, price_inputs_fingerprint,"
          + " strategy_version, requested_start_date, requested_end_date";
  private static final String ALL_COLUMNS =
      "id, user_id, strategy_id, strategy_name, strategy_code, symbol,"
          + " interval, start_date, end_date, initial_capital, status, progress, error, settings, parameters,"
          + " result, created_at, started_at, completed_at, attempts, series_key, dataset,"
          + " data_fingerprint, rerun_of, benchmark_symbol, benchmark_series_key, portfolio,"
          + " price_inputs_fingerprint, strategy_version, requested_start_date, requested_end_date";

  /** Appended to an UPDATE ... RETURNING: announces the new state of each changed row. */
  private static final String NOTIFY =
      ") select count(pg_notify('"
          + RunEvents.CHANNEL
          + "', json_build_object("
          + "'id', u.id, 'status', u.status, 'progress', u.progress, 'error', left(u.error, 500))::text)) from u";

  private static final int FILL_BATCH = 5_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  BacktestRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void insert(
      UUID id,
      UUID userId,
      ResolvedRun run,
      String settingsJson,
      String parametersJson,
      String portfolioJson,
      UUID rerunOf) {
    jdbc.sql(
            "insert into backtests (id, user_id, strategy_id, strategy_name, strategy_code, symbol, interval,"
                + " start_date, end_date, initial_capital, settings, parameters, series_key, dataset, rerun_of,"
                + " benchmark_symbol, benchmark_series_key, portfolio, price_adjustment, dividends,"
                + " price_limits, strategy_version, requested_start_date, requested_end_date)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb,"
                + " ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            userId,
            run.strategy().id(),
            run.strategy().name(),
            run.strategy().code(),
            run.symbol().symbol(),
            run.interval().code(),
            run.startDate(),
            run.endDate(),
            run.initialCapital(),
            settingsJson,
            parametersJson,
            run.symbol().seriesKey(),
            run.symbol().dataset().code(),
            rerunOf,
            run.benchmark() == null ? null : run.benchmark().symbol(),
            run.benchmark() == null ? null : run.benchmark().seriesKey(),
            portfolioJson,
            run.settings().pricesOrAsStored().priceAdjustment(),
            run.settings().pricesOrAsStored().dividends(),
            run.settings().pricesOrAsStored().priceLimits(),
            run.strategy().version(),
            run.requestedStartDate(),
            run.requestedEndDate())
        .update();
  }

  /** Records the fingerprint of the bars a running run read (in its storing transaction). */
  void recordFingerprint(UUID id, String fingerprint, String priceInputsFingerprint) {
    jdbc.sql(
            "update backtests set data_fingerprint = ?, price_inputs_fingerprint = ?"
                + " where id = ? and status = 'running'")
        .params(fingerprint, priceInputsFingerprint, id)
        .update();
  }

  /**
   * Serialises run creation per user for the rest of the transaction (the concurrent-run limit).
   */
  void lockUser(UUID userId) {
    jdbc.sql("select pg_advisory_xact_lock(?)")
        .param(userId.getMostSignificantBits() ^ userId.getLeastSignificantBits())
        .query((rs, n) -> 1)
        .list();
  }

  /**
   * The user's pending and running work: runs and optimisations together, since MAX_CONCURRENT_RUNS
   * covers both (an optimisation is read here rather than through its repository because the
   * optimisation package depends on this one, not the reverse).
   */
  int countActiveWork(UUID userId) {
    return jdbc.sql(
            "select (select count(*) from backtests where user_id = :user"
                + " and status in ('pending', 'running'))"
                + " + (select count(*) from optimizations where user_id = :user"
                + " and status in ('pending', 'running'))"
                + " + (select count(*) from walk_forwards where user_id = :user"
                + " and status in ('pending', 'running'))")
        .param("user", userId)
        .query(Integer.class)
        .single();
  }

  public Optional<BacktestRow> find(UUID id, UUID userId) {
    return jdbc.sql("select " + ALL_COLUMNS + " from backtests where id = ? and user_id = ?")
        .params(id, userId)
        .query(BacktestRepository::map)
        .optional();
  }

  Optional<BacktestRow> findSummary(UUID id, UUID userId) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " from backtests where id = ? and user_id = ?")
        .params(id, userId)
        .query(BacktestRepository::map)
        .optional();
  }

  Optional<BacktestRow> findForRun(UUID id) {
    return jdbc.sql("select " + ALL_COLUMNS + " from backtests where id = ?")
        .param(id)
        .query(BacktestRepository::map)
        .optional();
  }

  List<BacktestRow> list(UUID userId, RunFilter filter, String orderBy, int offset, int limit) {
    return filtered(
            "select "
                + SUMMARY_COLUMNS
                + " from backtests where user_id = :user"
                + FILTERS
                + " order by "
                + orderBy
                + " offset :offset limit :limit",
            userId,
            filter)
        .param("offset", offset)
        .param("limit", limit)
        .query(BacktestRepository::map)
        .list();
  }

  long count(UUID userId, RunFilter filter) {
    return filtered(
            "select count(*) from backtests where user_id = :user" + FILTERS, userId, filter)
        .query(Long.class)
        .single();
  }

  private JdbcClient.StatementSpec filtered(String sql, UUID userId, RunFilter filter) {
    return jdbc.sql(sql)
        .param("user", userId)
        .param("strategy", filter.strategyId())
        .param("symbol", filter.symbol())
        .param("status", filter.status() == null ? null : filter.status().code())
        .param("query", filter.queryPattern())
        .param("tag", filter.tag());
  }

  /**
   * The list's filters. The search is an ILIKE over the user's own runs (their index narrows to
   * them; the pattern is at most {@link RunFilter#MAX_QUERY} characters and escaped).
   */
  private static final String FILTERS =
      " and (cast(:strategy as uuid) is null or strategy_id = :strategy)"
          + " and (cast(:symbol as text) is null or symbol = :symbol)"
          + " and (cast(:status as text) is null or status = cast(:status as backtest_status))"
          + " and (cast(:query as text) is null or name ilike :query or notes ilike :query"
          + " or strategy_name ilike :query or symbol ilike :query)"
          + " and (cast(:tag as text) is null or exists (select 1 from unnest(tags) t"
          + " where lower(t) = lower(:tag)))";

  /**
   * Takes a pending (or interrupted running) run for this attempt: running, progress 0, one more
   * attempt.
   *
   * @return the attempt number, or empty when the run is final or gone (cancelled, deleted)
   */
  Optional<Integer> claim(UUID id) {
    List<Integer> attempts =
        jdbc.sql(
                "with u as (update backtests set status = 'running', attempts = attempts + 1,"
                    + " started_at = coalesce(started_at, now()), heartbeat_at = now(), progress = 0, error = null"
                    + " where id = ? and status in ('pending', 'running') returning id, status, progress, error, attempts),"
                    + " n as (select pg_notify('"
                    + RunEvents.CHANNEL
                    + "', json_build_object('id', u.id, 'status', u.status,"
                    + " 'progress', u.progress, 'error', u.error)::text) from u)"
                    + " select u.attempts from u, (select count(*) from n) c")
            .param(id)
            .query(Integer.class)
            .list();
    return attempts.stream().findFirst();
  }

  /**
   * Records a running run's progress and heartbeat, and tells listeners.
   *
   * @return false when the run is no longer running (cancelled or deleted meanwhile)
   */
  boolean progress(UUID id, int progress) {
    return notifying(
        "update backtests set progress = ?, heartbeat_at = now() where id = ? and status = 'running'"
            + " returning id, status, progress, error",
        progress,
        id);
  }

  boolean stillRunning(UUID id) {
    return jdbc.sql("select count(*) from backtests where id = ? and status = 'running'")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  boolean complete(UUID id, String resultJson) {
    return notifying(
        "update backtests set status = 'completed', progress = 100, result = ?::jsonb,"
            + " completed_at = now(), heartbeat_at = null, error = null where id = ? and status = 'running'"
            + " returning id, status, progress, error",
        resultJson,
        id);
  }

  boolean fail(UUID id, String error) {
    return notifying(
        "update backtests set status = 'failed', error = ?, completed_at = now(), heartbeat_at = null"
            + " where id = ? and status in ('pending', 'running') returning id, status, progress, error",
        error,
        id);
  }

  /** Back to pending after a temporary failure; the job queue retries it. */
  boolean requeue(UUID id, String error) {
    return notifying(
        "update backtests set status = 'pending', error = ?, heartbeat_at = null"
            + " where id = ? and status = 'running' returning id, status, progress, error",
        error,
        id);
  }

  boolean cancel(UUID id, UUID userId) {
    return notifying(
        "update backtests set status = 'cancelled', error = 'Cancelled by the user',"
            + " completed_at = now(), heartbeat_at = null where id = ? and user_id = ? and status in ('pending', 'running')"
            + " returning id, status, progress, error",
        id,
        userId);
  }

  boolean delete(UUID id, UUID userId) {
    return jdbc.sql(
                "delete from backtests where id = ? and user_id = ? and status in ('completed', 'failed', 'cancelled')")
            .params(id, userId)
            .update()
        > 0;
  }

  /** Runs whose worker stopped reporting: failed with a reason, never left running. */
  int failStale(Duration staleAfter, String error) {
    return jdbc.sql(
            "with u as (update backtests set status = 'failed', error = ?, completed_at = now(),"
                + " heartbeat_at = null where status = 'running' and heartbeat_at < now() - make_interval(secs => ?)"
                + " returning id, status, progress, error"
                + NOTIFY)
        .params(error, (double) staleAfter.toSeconds())
        .query(Integer.class)
        .single();
  }

  List<UUID> pendingSince(Instant before) {
    return jdbc.sql(
            "select id from backtests where status = 'pending' and created_at < ? order by created_at limit 100")
        .param(Timestamp.from(before))
        .query(UUID.class)
        .list();
  }

  int countByStatus(RunStatus status) {
    return jdbc.sql("select count(*) from backtests where status = cast(? as backtest_status)")
        .param(status.code())
        .query(Integer.class)
        .single();
  }

  // --- fills and series

  void deleteOutputs(UUID id) {
    jdbc.sql("delete from backtest_trades where backtest_id = ?").param(id).update();
    jdbc.sql("delete from backtest_series where backtest_id = ?").param(id).update();
    jdbc.sql("delete from backtest_plots where backtest_id = ?").param(id).update();
    jdbc.sql("delete from backtest_holdings where backtest_id = ?").param(id).update();
  }

  void insertFills(UUID id, List<Fill> fills) {
    for (int start = 0; start < fills.size(); start += FILL_BATCH) {
      List<Fill> batch = fills.subList(start, Math.min(fills.size(), start + FILL_BATCH));
      template.batchUpdate(
          "insert into backtest_trades (backtest_id, \"timestamp\", type, price, quantity, commission,"
              + " tax, bar_index, note) values (?, ?, cast(? as trade_type), ?, ?, ?, ?, ?, ?)",
          batch,
          batch.size(),
          (PreparedStatement ps, Fill f) -> {
            ps.setObject(1, id);
            ps.setTimestamp(2, new Timestamp(f.time()));
            ps.setString(3, f.buy() ? "buy" : "sell");
            ps.setDouble(4, f.price());
            ps.setDouble(5, f.quantity());
            ps.setDouble(6, f.commission());
            ps.setDouble(7, f.tax());
            ps.setInt(8, f.barIndex());
            ps.setString(9, noteOf(f));
          });
    }
  }

  /** The fill's note code ({@code halted}, {@code limit_locked}), null for a plain fill. */
  private static String noteOf(Fill f) {
    return f.note() == null ? null : f.note().code();
  }

  /** A portfolio run's fills, each with its symbol and its bar in that symbol's own bars. */
  void insertPortfolioFills(UUID id, List<PortfolioFill> fills) {
    for (int start = 0; start < fills.size(); start += FILL_BATCH) {
      List<PortfolioFill> batch = fills.subList(start, Math.min(fills.size(), start + FILL_BATCH));
      template.batchUpdate(
          "insert into backtest_trades (backtest_id, \"timestamp\", type, price, quantity, commission,"
              + " tax, bar_index, symbol, note) values (?, ?, cast(? as trade_type), ?, ?, ?, ?, ?, ?,"
              + " ?)",
          batch,
          batch.size(),
          (PreparedStatement ps, PortfolioFill pf) -> {
            Fill f = pf.fill();
            ps.setObject(1, id);
            ps.setTimestamp(2, new Timestamp(f.time()));
            ps.setString(3, f.buy() ? "buy" : "sell");
            ps.setDouble(4, f.price());
            ps.setDouble(5, f.quantity());
            ps.setDouble(6, f.commission());
            ps.setDouble(7, f.tax());
            ps.setInt(8, f.barIndex());
            ps.setString(9, pf.symbol());
            ps.setString(10, noteOf(f));
          });
    }
  }

  /**
   * A portfolio run's holdings: per symbol (leg), its quantity and weight at each of the run's
   * times, encoded as the equity is.
   */
  void saveHoldings(UUID id, List<String> symbols, double[][] quantity, double[][] weight) {
    List<Integer> legs = java.util.stream.IntStream.range(0, symbols.size()).boxed().toList();
    template.batchUpdate(
        "insert into backtest_holdings (backtest_id, leg, symbol, quantity, weight)"
            + " values (?, ?, ?, ?, ?)",
        legs,
        FILL_BATCH,
        (PreparedStatement ps, Integer leg) -> {
          ps.setObject(1, id);
          ps.setInt(2, leg);
          ps.setString(3, symbols.get(leg));
          ps.setBytes(4, SeriesCodec.encodeDoubles(quantity[leg]));
          ps.setBytes(5, SeriesCodec.encodeDoubles(weight[leg]));
        });
  }

  /** A symbol's stored holdings: its quantity and weight at each of the run's times. */
  record Holdings(String symbol, double[] quantity, double[] weight) {}

  /** The symbols a portfolio run holds, in the run's order. */
  List<String> holdingSymbols(UUID id) {
    return jdbc.sql("select symbol from backtest_holdings where backtest_id = ? order by leg")
        .param(id)
        .query(String.class)
        .list();
  }

  /** The holdings of {@code symbols} (those the run has), in the run's order. */
  List<Holdings> holdings(UUID id, List<String> symbols) {
    return jdbc.sql(
            "select symbol, quantity, weight from backtest_holdings where backtest_id = ?"
                + " and symbol = any(?) order by leg")
        .params(id, symbols.toArray(new String[0]))
        .query(
            (rs, n) ->
                new Holdings(
                    rs.getString(1),
                    SeriesCodec.decodeDoubles(rs.getBytes(2)),
                    SeriesCodec.decodeDoubles(rs.getBytes(3))))
        .list();
  }

  void saveSeries(UUID id, RunSeries series) {
    jdbc.sql(
            "insert into backtest_series (backtest_id, bar_count, times, equity, benchmark,"
                + " benchmark_equity) values (?, ?, ?, ?, ?, ?)")
        .params(
            id,
            series.size(),
            SeriesCodec.encodeTimes(series.times()),
            SeriesCodec.encodeDoubles(series.equity()),
            SeriesCodec.encodeDoubles(series.benchmark()),
            series.benchmarkEquity() == null
                ? null
                : SeriesCodec.encodeDoubles(series.benchmarkEquity()))
        .update();
  }

  public Optional<RunSeries> series(UUID id) {
    return jdbc.sql(
            "select times, equity, benchmark, benchmark_equity from backtest_series"
                + " where backtest_id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              byte[] benchmarkEquity = rs.getBytes(4);
              return new RunSeries(
                  SeriesCodec.decodeTimes(rs.getBytes(1)),
                  SeriesCodec.decodeDoubles(rs.getBytes(2)),
                  SeriesCodec.decodeDoubles(rs.getBytes(3)),
                  benchmarkEquity == null ? null : SeriesCodec.decodeDoubles(benchmarkEquity));
            })
        .optional();
  }

  /** The bar times of a completed run (shared by its equity and its plots); empty without them. */
  Optional<long[]> times(UUID id) {
    return jdbc.sql("select times from backtest_series where backtest_id = ?")
        .param(id)
        .query((rs, n) -> SeriesCodec.decodeTimes(rs.getBytes(1)))
        .optional();
  }

  /**
   * A page of fills in time order; with {@code symbol} only that symbol's (rows of single-symbol
   * runs have none: the caller filters those itself).
   */
  List<FillView> fills(UUID id, String symbol, int offset, int limit) {
    return jdbc.sql(
            "select "
                + FILL_COLUMNS
                + " from backtest_trades where backtest_id = ?"
                + FILL_SYMBOL
                + " order by \"timestamp\", id offset ? limit ?")
        .params(id, symbol, symbol, offset, limit)
        .query(BacktestRepository::mapFill)
        .list();
  }

  long countFills(UUID id, String symbol) {
    return jdbc.sql("select count(*) from backtest_trades where backtest_id = ?" + FILL_SYMBOL)
        .params(id, symbol, symbol)
        .query(Long.class)
        .single();
  }

  private static final String FILL_SYMBOL = " and (cast(? as text) is null or symbol = ?)";

  /** Every fill in order, streamed (for CSV export of long runs). */
  void streamFills(UUID id, Consumer<FillView> sink) {
    template.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "select "
                      + FILL_COLUMNS
                      + " from backtest_trades where backtest_id = ? order by \"timestamp\", id");
          ps.setObject(1, id);
          ps.setFetchSize(5_000);
          return ps;
        },
        rs -> {
          sink.accept(mapFill(rs, 0));
        });
  }

  private static String keyMetrics() {
    StringBuilder sql =
        new StringBuilder("case when result is null then null else jsonb_build_object(");
    for (int i = 0; i < KEY_METRICS.size(); i++) {
      String name = KEY_METRICS.get(i);
      sql.append(i == 0 ? "" : ", ")
          .append('\'')
          .append(name)
          .append("', result->'metrics'->'")
          .append(name)
          .append('\'');
    }
    return sql.append(")::text end as result").toString();
  }

  private boolean notifying(String update, Object... params) {
    return jdbc.sql("with u as (" + update + NOTIFY).params(params).query(Integer.class).single()
        > 0;
  }

  private static final String FILL_COLUMNS =
      "id, \"timestamp\", type, price, quantity, commission, tax, bar_index, symbol, note";

  /** A row of {@link #FILL_COLUMNS}. */
  private static FillView mapFill(ResultSet rs, int n) throws SQLException {
    return new FillView(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getBigDecimal(4),
        rs.getBigDecimal(5),
        rs.getBigDecimal(6),
        rs.getBigDecimal(7),
        (Integer) rs.getObject(8),
        rs.getString(9),
        rs.getString(10));
  }

  static BacktestRow map(ResultSet rs, int n) throws SQLException {
    return new BacktestRow(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getObject(8, LocalDate.class),
        rs.getObject(9, LocalDate.class),
        rs.getBigDecimal(10).stripTrailingZeros(),
        RunStatus.of(rs.getString(11)),
        rs.getInt(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        instant(rs, 17),
        instant(rs, 18),
        instant(rs, 19),
        rs.getInt(20),
        rs.getString(21),
        rs.getString(22),
        rs.getString(23),
        rs.getObject(24, UUID.class),
        rs.getString(25),
        rs.getString(26),
        rs.getString(27),
        rs.getString(28),
        rs.getObject(29, Integer.class),
        rs.getObject(30, LocalDate.class),
        rs.getObject(31, LocalDate.class));
  }
}
