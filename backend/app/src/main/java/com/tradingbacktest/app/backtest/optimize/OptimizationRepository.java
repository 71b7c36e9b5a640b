package com.tradingbacktest.app.backtest.optimize;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.backtest.run.ResolvedRun;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.robust.BlockStats;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code optimizations}, their finished slices and their per-combination results. */
@Repository
class OptimizationRepository {

  private static final String COLUMNS =
      "o.id, o.user_id, o.strategy_id, o.strategy_name, o.strategy_code, o.symbol,"
          + " o.interval, o.start_date, o.end_date, o.initial_capital, o.settings, o.ranges, o.objective, o.constraints,"
          + " o.combinations, o.slice_count, o.status, o.error, o.created_at, o.started_at, o.completed_at,"
          + " (select count(*) from optimization_results r where r.optimization_id = o.id) as evaluated,"
          + " o.series_key, o.dataset, o.benchmark_symbol, o.benchmark_series_key, o.portfolio,"
          + " o.param_constraints, o.skipped_combinations, o.out_of_sample, o.cscv_partitions,"
          + " o.robustness";

  /** A stored result's columns, in {@link ResultRow}'s order. */
  private static final String RESULT_COLUMNS = "combination, parameters, metrics, score, feasible";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  OptimizationRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void insert(
      UUID id,
      UUID userId,
      ResolvedRun run,
      String settingsJson,
      String rangesJson,
      String objective,
      String constraintsJson,
      String paramConstraintsJson,
      int combinations,
      long skippedCombinations,
      int sliceCount,
      String portfolioJson,
      String outOfSampleJson,
      int cscvPartitions) {
    jdbc.sql(
            "insert into optimizations (id, user_id, strategy_id, strategy_name, strategy_code, symbol, interval,"
                + " start_date, end_date, initial_capital, settings, ranges, objective, constraints, combinations, slice_count,"
                + " series_key, dataset, benchmark_symbol, benchmark_series_key, portfolio,"
                + " param_constraints, skipped_combinations, price_adjustment, dividends, price_limits,"
                + " out_of_sample, cscv_partitions, strategy_version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?,"
                + " ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?)")
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
            rangesJson,
            objective,
            constraintsJson,
            combinations,
            sliceCount,
            run.symbol().seriesKey(),
            run.symbol().dataset().code(),
            run.benchmark() == null ? null : run.benchmark().symbol(),
            run.benchmark() == null ? null : run.benchmark().seriesKey(),
            portfolioJson,
            paramConstraintsJson,
            skippedCombinations,
            run.settings().pricesOrAsStored().priceAdjustment(),
            run.settings().pricesOrAsStored().dividends(),
            run.settings().pricesOrAsStored().priceLimits(),
            outOfSampleJson,
            cscvPartitions,
            run.strategy().version())
        .update();
  }

  Optional<OptimizationRow> find(UUID id, UUID userId) {
    return jdbc.sql("select " + COLUMNS + " from optimizations o where o.id = ? and o.user_id = ?")
        .params(id, userId)
        .query(OptimizationRepository::map)
        .optional();
  }

  Optional<OptimizationRow> findForRun(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from optimizations o where o.id = ?")
        .param(id)
        .query(OptimizationRepository::map)
        .optional();
  }

  List<OptimizationRow> list(UUID userId, int offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from optimizations o where o.user_id = ?"
                + " order by o.created_at desc, o.id offset ? limit ?")
        .params(userId, offset, limit)
        .query(OptimizationRepository::map)
        .list();
  }

  long count(UUID userId) {
    return jdbc.sql("select count(*) from optimizations where user_id = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  boolean markRunning(UUID id) {
    return jdbc.sql(
                "update optimizations set status = 'running', started_at = coalesce(started_at, now())"
                    + " where id = ? and status in ('pending', 'running')")
            .param(id)
            .update()
        > 0;
  }

  boolean isActive(UUID id) {
    return jdbc.sql(
                "select count(*) from optimizations where id = ? and status in ('pending', 'running')")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  boolean sliceDone(UUID id, int slice) {
    return jdbc.sql(
                "select count(*) from optimization_slices where optimization_id = ? and slice = ?")
            .params(id, slice)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Stores a slice's results and marks it done; idempotent, so a retried slice cannot count twice.
   */
  void saveSlice(
      UUID id,
      int slice,
      List<SweepResult> results,
      Function<SweepResult, String> parametersJson,
      Function<SweepResult, String> metricsJson) {
    template.batchUpdate(
        "insert into optimization_results (optimization_id, combination, parameters, metrics, score,"
            + " feasible, return_blocks) values (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) on conflict do"
            + " nothing",
        results,
        1_000,
        (PreparedStatement ps, SweepResult r) -> {
          ps.setObject(1, id);
          ps.setLong(2, r.index());
          ps.setString(3, parametersJson.apply(r));
          ps.setString(4, metricsJson.apply(r));
          if (Double.isNaN(r.score())) {
            ps.setNull(5, Types.DOUBLE);
          } else {
            ps.setDouble(5, r.score());
          }
          ps.setBoolean(6, r.feasible());
          if (r.blocks() == null) {
            ps.setNull(7, Types.ARRAY);
          } else {
            ps.setArray(
                7, ps.getConnection().createArrayOf("float8", ReturnBlocks.flatten(r.blocks())));
          }
        });
    jdbc.sql(
            "insert into optimization_slices (optimization_id, slice) values (?, ?) on conflict do nothing")
        .params(id, slice)
        .update();
  }

  /** Completes the optimisation if every slice is done; true when this call completed it. */
  boolean completeIfAllSlicesDone(UUID id) {
    return jdbc.sql(
                "update optimizations o set status = 'completed', completed_at = now() where o.id = ?"
                    + " and o.status = 'running' and (select count(*) from optimization_slices s where s.optimization_id = o.id)"
                    + " >= o.slice_count")
            .param(id)
            .update()
        > 0;
  }

  boolean fail(UUID id, String error) {
    return jdbc.sql(
                "update optimizations set status = 'failed', error = ?, completed_at = now()"
                    + " where id = ? and status in ('pending', 'running')")
            .params(error, id)
            .update()
        > 0;
  }

  boolean cancel(UUID id, UUID userId) {
    return jdbc.sql(
                "update optimizations set status = 'cancelled', error = 'Cancelled by the user',"
                    + " completed_at = now() where id = ? and user_id = ? and status in ('pending', 'running')")
            .params(id, userId)
            .update()
        > 0;
  }

  boolean delete(UUID id, UUID userId) {
    return jdbc.sql(
                "delete from optimizations where id = ? and user_id = ?"
                    + " and status in ('completed', 'failed', 'cancelled')")
            .params(id, userId)
            .update()
        > 0;
  }

  /** Results best first: feasible, then score (null last), then grid order. */
  List<ResultRow> ranked(UUID id, int limit) {
    return jdbc.sql(
            "select "
                + RESULT_COLUMNS
                + " from optimization_results where optimization_id = ?"
                + " order by feasible desc, score desc nulls last, combination limit ?")
        .params(id, limit)
        .query(OptimizationRepository::mapResult)
        .list();
  }

  Optional<ResultRow> result(UUID id, long combination) {
    return jdbc.sql(
            "select "
                + RESULT_COLUMNS
                + " from optimization_results where optimization_id = ? and combination = ?")
        .params(id, combination)
        .query(OptimizationRepository::mapResult)
        .optional();
  }

  /** Results feasible in-sample, best first, as {@link #ranked} orders them. */
  List<ResultRow> rankedFeasible(UUID id, int limit) {
    return jdbc.sql(
            "select "
                + RESULT_COLUMNS
                + " from optimization_results where optimization_id = ? and feasible"
                + " order by score desc nulls last, combination limit ?")
        .params(id, limit)
        .query(OptimizationRepository::mapResult)
        .list();
  }

  /**
   * Every result with its return blocks (null for a result stored without), in grid order: what the
   * overfitting statistics read. At most the combinations limit (10,000) rows of 5 x S doubles.
   */
  List<BlockedResult> withBlocks(UUID id) {
    return jdbc.sql(
            "select combination, parameters, score, feasible, return_blocks"
                + " from optimization_results where optimization_id = ? order by combination")
        .param(id)
        .query(
            (rs, n) -> {
              Array array = rs.getArray(5);
              Double[] blocks = array == null ? null : (Double[]) array.getArray();
              return new BlockedResult(
                  rs.getLong(1),
                  rs.getString(2),
                  (Double) rs.getObject(3),
                  rs.getBoolean(4),
                  blocks == null ? null : ReturnBlocks.unflatten(blocks));
            })
        .list();
  }

  /** A stored result as the statistics read it; {@code blocks} null when it has none. */
  record BlockedResult(
      long combination, String parameters, Double score, boolean feasible, BlockStats[] blocks) {}

  /** Stores what the finish step found, once: a retried step finds it there and keeps it. */
  boolean saveRobustness(UUID id, String robustnessJson) {
    return jdbc.sql(
                "update optimizations set robustness = ?::jsonb where id = ? and robustness is null")
            .params(robustnessJson, id)
            .update()
        > 0;
  }

  record ResultRow(
      long combination, String parameters, String metrics, Double score, boolean feasible) {}

  /**
   * Best feasible score per (x, y) pair of two parameters; null where no combination of the pair is
   * feasible.
   */
  List<double[]> heatmap(UUID id, String x, String y) {
    return jdbc.sql(
            "select (parameters->>:x)::float8, (parameters->>:y)::float8, max(score) filter (where feasible)"
                + " from optimization_results where optimization_id = :id group by 1, 2")
        .param("x", x)
        .param("y", y)
        .param("id", id)
        .query(
            (rs, n) -> {
              Object best = rs.getObject(3);
              return new double[] {
                rs.getDouble(1),
                rs.getDouble(2),
                best == null ? Double.NaN : ((Number) best).doubleValue()
              };
            })
        .list();
  }

  /** A row of {@link #RESULT_COLUMNS}. */
  private static ResultRow mapResult(ResultSet rs, int n) throws SQLException {
    return new ResultRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        (Double) rs.getObject(4),
        rs.getBoolean(5));
  }

  private static OptimizationRow map(ResultSet rs, int n) throws SQLException {
    return new OptimizationRow(
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
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getInt(15),
        rs.getInt(16),
        RunStatus.of(rs.getString(17)),
        rs.getString(18),
        instant(rs, 19),
        instant(rs, 20),
        instant(rs, 21),
        rs.getLong(22),
        rs.getString(23),
        rs.getString(24),
        rs.getString(25),
        rs.getString(26),
        rs.getString(27),
        rs.getString(28),
        rs.getLong(29),
        rs.getString(30),
        (Integer) rs.getObject(31),
        rs.getString(32));
  }
}
