package com.tradingbacktest.app.backtest.montecarlo;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code monte_carlo_analyses}. */
@Repository
class MonteCarloRepository {

  private static final String COLUMNS =
      "id, backtest_id, user_id, method, paths, seed, block_length, ruin_equity, status, error,"
          + " created_at, started_at, completed_at";

  private final JdbcClient jdbc;

  MonteCarloRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serialises a user's starts (the active limit) until the transaction ends. */
  void lockUser(UUID userId) {
    jdbc.sql("select pg_advisory_xact_lock(?, ?)")
        .params(
            0x4D43, // "MC": a key space of its own, apart from the runs' one-key locks
            (int) (userId.getMostSignificantBits() ^ userId.getLeastSignificantBits()))
        .query((rs, n) -> 1)
        .list();
  }

  int countActive(UUID userId) {
    return jdbc.sql(
            "select count(*) from monte_carlo_analyses where user_id = ?"
                + " and status in ('queued', 'running')")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  void insert(
      UUID id,
      UUID backtestId,
      UUID userId,
      String method,
      int paths,
      long seed,
      Integer blockLength,
      double ruinEquity) {
    jdbc.sql(
            "insert into monte_carlo_analyses (id, backtest_id, user_id, method, paths, seed,"
                + " block_length, ruin_equity) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, backtestId, userId, method, paths, seed, blockLength, ruinEquity)
        .update();
  }

  /** Deletes all but the newest {@code keep} analyses of a run. */
  int prune(UUID backtestId, int keep) {
    return jdbc.sql(
            "delete from monte_carlo_analyses where backtest_id = :run and id not in"
                + " (select id from monte_carlo_analyses where backtest_id = :run"
                + " order by created_at desc, id desc limit :keep)")
        .param("run", backtestId)
        .param("keep", keep)
        .update();
  }

  Optional<MonteCarloRow> find(UUID id, UUID backtestId, UUID userId, boolean withResult) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + (withResult ? ", result" : ", null")
                + " from monte_carlo_analyses where id = ? and backtest_id = ? and user_id = ?")
        .params(id, backtestId, userId)
        .query(MonteCarloRepository::map)
        .optional();
  }

  Optional<MonteCarloRow> findForRun(UUID id) {
    return jdbc.sql("select " + COLUMNS + ", null from monte_carlo_analyses where id = ?")
        .param(id)
        .query(MonteCarloRepository::map)
        .optional();
  }

  /**
   * A run's analyses, newest first, each with its result less the bands and bins (the list shows
   * the percentiles only).
   */
  List<MonteCarloRow> list(UUID backtestId, UUID userId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", result - 'bands' - 'histograms' from monte_carlo_analyses"
                + " where backtest_id = ? and user_id = ? order by created_at desc, id desc")
        .params(backtestId, userId)
        .query(MonteCarloRepository::map)
        .list();
  }

  boolean claim(UUID id) {
    return jdbc.sql(
                "update monte_carlo_analyses set status = 'running', started_at = now()"
                    + " where id = ? and status in ('queued', 'running')")
            .param(id)
            .update()
        > 0;
  }

  boolean exists(UUID id) {
    return jdbc.sql("select count(*) from monte_carlo_analyses where id = ?")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  boolean complete(UUID id, String resultJson) {
    return jdbc.sql(
                "update monte_carlo_analyses set status = 'completed', result = ?::jsonb,"
                    + " completed_at = now() where id = ? and status = 'running'")
            .params(resultJson, id)
            .update()
        > 0;
  }

  boolean fail(UUID id, String error) {
    return jdbc.sql(
                "update monte_carlo_analyses set status = 'failed', error = ?, completed_at = now()"
                    + " where id = ? and status in ('queued', 'running')")
            .params(error, id)
            .update()
        > 0;
  }

  boolean delete(UUID id, UUID backtestId, UUID userId) {
    return jdbc.sql(
                "delete from monte_carlo_analyses where id = ? and backtest_id = ? and user_id = ?")
            .params(id, backtestId, userId)
            .update()
        > 0;
  }

  private static MonteCarloRow map(ResultSet rs, int n) throws SQLException {
    return new MonteCarloRow(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getInt(5),
        rs.getLong(6),
        (Integer) rs.getObject(7),
        rs.getDouble(8),
        rs.getString(9),
        rs.getString(10),
        instant(rs, 11),
        instant(rs, 12),
        instant(rs, 13),
        rs.getString(14));
  }
}
