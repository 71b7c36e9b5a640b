package com.tradingbacktest.app.backtest.walkforward;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.backtest.events.RunEvents;
import com.tradingbacktest.app.backtest.run.ResolvedRun;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code walk_forwards}, their windows and their finished slices. Every change of a
 * walk-forward's status or progress is NOTIFYed on the runs' channel ({@link RunEvents#CHANNEL})
 * with the walk-forward's id, in the shape of a run's event, so its SSE stream is served by any
 * process like a run's.
 */
@Repository
class WalkForwardRepository {

  private static final String COLUMNS =
      "w.id, w.user_id, w.strategy_id, w.strategy_name, w.strategy_code, w.symbol, w.series_key,"
          + " w.dataset, w.portfolio, w.interval, w.start_date, w.end_date, w.initial_capital,"
          + " w.settings, w.ranges, w.objective, w.constraints, w.param_constraints, w.windows_spec,"
          + " w.combinations, w.window_count, w.slices_per_window, w.backtests_done, w.status,"
          + " w.error, w.created_at, w.started_at, w.completed_at, w.result";

  private static final String WINDOW_COLUMNS =
      "number, train_from, train_to, test_from, test_to, train_start, train_end, test_start,"
          + " test_end, status, combination, parameters, in_sample_score, in_sample_metrics,"
          + " out_of_sample_metrics, start_equity, end_equity, trade_count";

  /**
   * The API's progress of a row: train backtests done over all of them, 100 only once completed
   * (the finish step is the last per cent).
   */
  static final String PROGRESS =
      "case when u.status = 'completed' then 100 else least(99, (100 * u.backtests_done"
          + " / greatest(1, u.window_count::bigint * u.combinations))::int) end";

  /** Appended to an UPDATE ... RETURNING *: announces the new state of each changed row. */
  private static final String NOTIFY =
      ") select count(pg_notify('"
          + RunEvents.CHANNEL
          + "', json_build_object('id', u.id, 'status', case when u.status = 'pending' then 'queued'"
          + " else u.status::text end, 'progress', "
          + PROGRESS
          + ", 'error', left(u.error, 500))::text)) from u";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  WalkForwardRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The columns of a new walk-forward that do not come from its resolved run. */
  record NewWalkForward(
      String settingsJson,
      String rangesJson,
      String objective,
      String constraintsJson,
      String paramConstraintsJson,
      String windowsSpecJson,
      int combinations,
      int slicesPerWindow,
      String portfolioJson) {}

  void insert(UUID id, UUID userId, ResolvedRun run, NewWalkForward w, List<WindowRow> windows) {
    jdbc.sql(
            "insert into walk_forwards (id, user_id, strategy_id, strategy_name, strategy_code,"
                + " symbol, series_key, dataset, portfolio, interval, start_date, end_date,"
                + " initial_capital, settings, ranges, objective, constraints, param_constraints,"
                + " windows_spec, combinations, window_count, slices_per_window) values (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?::jsonb,"
                + " ?::jsonb, ?, ?, ?)")
        .params(
            id,
            userId,
            run.strategy().id(),
            run.strategy().name(),
            run.strategy().code(),
            run.symbol().symbol(),
            run.symbol().seriesKey(),
            run.symbol().dataset().code(),
            w.portfolioJson(),
            run.interval().code(),
            run.startDate(),
            run.endDate(),
            run.initialCapital(),
            w.settingsJson(),
            w.rangesJson(),
            w.objective(),
            w.constraintsJson(),
            w.paramConstraintsJson(),
            w.windowsSpecJson(),
            w.combinations(),
            windows.size(),
            w.slicesPerWindow())
        .update();
    template.batchUpdate(
        "insert into walk_forward_windows (walk_forward_id, number, train_from, train_to,"
            + " test_from, test_to, train_start, train_end, test_start, test_end)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        windows,
        1_000,
        (PreparedStatement ps, WindowRow r) -> {
          ps.setObject(1, id);
          ps.setInt(2, r.number());
          ps.setInt(3, r.trainFrom());
          ps.setInt(4, r.trainTo());
          ps.setInt(5, r.testFrom());
          ps.setInt(6, r.testTo());
          ps.setTimestamp(7, Timestamp.from(r.trainStart()));
          ps.setTimestamp(8, Timestamp.from(r.trainEnd()));
          ps.setTimestamp(9, Timestamp.from(r.testStart()));
          ps.setTimestamp(10, Timestamp.from(r.testEnd()));
        });
  }

  Optional<WalkForwardRow> find(UUID id, UUID userId) {
    return jdbc.sql("select " + COLUMNS + " from walk_forwards w where w.id = ? and w.user_id = ?")
        .params(id, userId)
        .query(WalkForwardRepository::map)
        .optional();
  }

  Optional<WalkForwardRow> findForRun(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from walk_forwards w where w.id = ?")
        .param(id)
        .query(WalkForwardRepository::map)
        .optional();
  }

  List<WalkForwardRow> list(UUID userId, int offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from walk_forwards w where w.user_id = ?"
                + " order by w.created_at desc, w.id offset ? limit ?")
        .params(userId, offset, limit)
        .query(WalkForwardRepository::map)
        .list();
  }

  long count(UUID userId) {
    return jdbc.sql("select count(*) from walk_forwards where user_id = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  List<WindowRow> windows(UUID id) {
    return jdbc.sql(
            "select "
                + WINDOW_COLUMNS
                + " from walk_forward_windows where walk_forward_id = ? order by number")
        .param(id)
        .query(WalkForwardRepository::mapWindow)
        .list();
  }

  /** The walk-forward's state as its event carries it, for a stream that opens or re-checks. */
  Optional<WalkForwardEvent> state(UUID id) {
    return jdbc.sql(
            "select u.status::text, " + PROGRESS + ", u.error from walk_forwards u where u.id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new WalkForwardEvent(
                    id,
                    WalkForwardRow.statusCode(RunStatus.of(rs.getString(1))),
                    rs.getInt(2),
                    rs.getString(3)))
        .optional();
  }

  boolean markRunning(UUID id, int window) {
    jdbc.sql(
            "update walk_forward_windows set status = 'running'"
                + " where walk_forward_id = ? and number = ? and status = 'queued'")
        .params(id, window)
        .update();
    return notifying(
        "update walk_forwards set status = 'running', started_at = coalesce(started_at, now())"
            + " where id = ? and status = 'pending' returning *",
        id);
  }

  boolean isActive(UUID id) {
    return jdbc.sql(
                "select count(*) from walk_forwards where id = ? and status in ('pending', 'running')")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  boolean sliceDone(UUID id, int window, int slice) {
    return jdbc.sql(
                "select count(*) from walk_forward_slices"
                    + " where walk_forward_id = ? and window_number = ? and slice = ?")
            .params(id, window, slice)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Stores a slice's best result and counts its backtests once: a retried slice inserts nothing and
   * counts nothing.
   */
  void saveSlice(UUID id, int window, int slice, int backtests, SliceBest best) {
    int inserted =
        jdbc.sql(
                "insert into walk_forward_slices (walk_forward_id, window_number, slice, backtests,"
                    + " combination, parameters, score, feasible, metrics)"
                    + " values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb) on conflict do nothing")
            .params(
                id,
                window,
                slice,
                backtests,
                best.combination(),
                best.parameters(),
                best.score(),
                best.feasible(),
                best.metrics())
            .update();
    if (inserted > 0) {
      notifying(
          "update walk_forwards set backtests_done = backtests_done + ?"
              + " where id = ? and status = 'running' returning *",
          backtests,
          id);
    }
  }

  boolean allSlicesDone(UUID id) {
    return Boolean.TRUE.equals(
        jdbc.sql(
                "select (select count(*) from walk_forward_slices s where s.walk_forward_id = w.id)"
                    + " >= w.window_count::bigint * w.slices_per_window from walk_forwards w"
                    + " where w.id = ?")
            .param(id)
            .query(Boolean.class)
            .optional()
            .orElse(false));
  }

  /**
   * Each window's best result over its slices' bests, in GridSearch.rank's order (feasible first,
   * then score from high to low with undefined last, then grid order), as an optimisation ranks.
   */
  Map<Integer, SliceBest> windowBests(UUID id) {
    Map<Integer, SliceBest> best = new HashMap<>();
    jdbc.sql(
            "select distinct on (window_number) window_number, combination, parameters, score,"
                + " feasible, metrics from walk_forward_slices where walk_forward_id = ?"
                + " order by window_number, feasible desc, score desc nulls last, combination")
        .param(id)
        .query(
            (rs, n) ->
                new SliceBest(
                    rs.getInt(1),
                    rs.getLong(2),
                    rs.getString(3),
                    (Double) rs.getObject(4),
                    rs.getBoolean(5),
                    rs.getString(6)))
        .list()
        .forEach(b -> best.put(b.window(), b));
    return best;
  }

  /** What the finish step found for one window. */
  void completeWindow(UUID id, WindowRow w) {
    jdbc.sql(
            "update walk_forward_windows set status = 'completed', combination = ?,"
                + " parameters = ?::jsonb, in_sample_score = ?, in_sample_metrics = ?::jsonb,"
                + " out_of_sample_metrics = ?::jsonb, start_equity = ?, end_equity = ?,"
                + " trade_count = ? where walk_forward_id = ? and number = ?")
        .params(
            w.combination(),
            w.parameters(),
            w.inSampleScore(),
            w.inSampleMetrics(),
            w.outOfSampleMetrics(),
            w.startEquity(),
            w.endEquity(),
            w.tradeCount(),
            id,
            w.number())
        .update();
  }

  /** Completes a running walk-forward with its stitched result; false when it no longer runs. */
  boolean complete(UUID id, String resultJson) {
    return notifying(
        "update walk_forwards set status = 'completed', result = ?::jsonb, completed_at = now()"
            + " where id = ? and status = 'running' returning *",
        resultJson,
        id);
  }

  boolean fail(UUID id, String error) {
    return notifying(
        "update walk_forwards set status = 'failed', error = ?, completed_at = now()"
            + " where id = ? and status in ('pending', 'running') returning *",
        error,
        id);
  }

  boolean cancel(UUID id, UUID userId) {
    return notifying(
        "update walk_forwards set status = 'cancelled', error = 'Cancelled by the user',"
            + " completed_at = now() where id = ? and user_id = ?"
            + " and status in ('pending', 'running') returning *",
        id,
        userId);
  }

  boolean delete(UUID id, UUID userId) {
    return jdbc.sql(
                "delete from walk_forwards where id = ? and user_id = ?"
                    + " and status in ('completed', 'failed', 'cancelled')")
            .params(id, userId)
            .update()
        > 0;
  }

  private boolean notifying(String update, Object... params) {
    return jdbc.sql("with u as (" + update + NOTIFY).params(params).query(Integer.class).single()
        > 0;
  }

  /**
   * The best result of one finished slice; JSON as text.
   *
   * @param score null when the objective is undefined for it
   */
  record SliceBest(
      int window,
      long combination,
      String parameters,
      Double score,
      boolean feasible,
      String metrics) {}

  private static WindowRow mapWindow(ResultSet rs, int n) throws SQLException {
    return new WindowRow(
        rs.getInt(1),
        rs.getInt(2),
        rs.getInt(3),
        rs.getInt(4),
        rs.getInt(5),
        instant(rs, 6),
        instant(rs, 7),
        instant(rs, 8),
        instant(rs, 9),
        rs.getString(10),
        (Long) rs.getObject(11),
        rs.getString(12),
        (Double) rs.getObject(13),
        rs.getString(14),
        rs.getString(15),
        (Double) rs.getObject(16),
        (Double) rs.getObject(17),
        (Integer) rs.getObject(18));
  }

  private static WalkForwardRow map(ResultSet rs, int n) throws SQLException {
    return new WalkForwardRow(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getObject(11, LocalDate.class),
        rs.getObject(12, LocalDate.class),
        rs.getBigDecimal(13).stripTrailingZeros(),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        rs.getInt(20),
        rs.getInt(21),
        rs.getInt(22),
        rs.getLong(23),
        RunStatus.of(rs.getString(24)),
        rs.getString(25),
        instant(rs, 26),
        instant(rs, 27),
        instant(rs, 28),
        rs.getString(29));
  }
}
