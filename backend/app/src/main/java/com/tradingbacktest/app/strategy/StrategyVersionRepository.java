package com.tradingbacktest.app.strategy;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code strategy_versions}: rows are only ever added (a restore adds one too) and go with
 * their strategy. Callers check that the strategy is the caller's before reading its versions.
 */
@Repository
class StrategyVersionRepository {

  private static final String SUMMARY_COLUMNS =
      "number, name, parameters::text as parameters, note, restored_from, created_at, null as code";

  private final JdbcClient jdbc;

  StrategyVersionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID strategyId, StrategyVersion version) {
    jdbc.sql(
            "insert into strategy_versions"
                + " (strategy_id, number, name, code, parameters, note, restored_from, created_at)"
                + " values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)")
        .params(
            strategyId,
            version.number(),
            version.name(),
            version.code(),
            StrategyParameter.toJson(version.parameters()),
            version.note(),
            version.restoredFrom(),
            Timestamp.from(version.createdAt()))
        .update();
  }

  /** A page of the strategy's versions, newest first, without their code. */
  List<StrategyVersion> page(UUID strategyId, int page, int size) {
    return jdbc.sql(
            "select "
                + SUMMARY_COLUMNS
                + " from strategy_versions where strategy_id = ?"
                + " order by number desc limit ? offset ?")
        .params(strategyId, size, (long) page * size)
        .query(StrategyVersionRepository::map)
        .list();
  }

  long count(UUID strategyId) {
    return jdbc.sql("select count(*) from strategy_versions where strategy_id = ?")
        .param(strategyId)
        .query(Long.class)
        .single();
  }

  /** One version with its code. */
  Optional<StrategyVersion> find(UUID strategyId, int number) {
    return jdbc.sql(
            "select number, name, parameters::text as parameters, note, restored_from, created_at,"
                + " code from strategy_versions where strategy_id = ? and number = ?")
        .params(strategyId, number)
        .query(StrategyVersionRepository::map)
        .optional();
  }

  private static StrategyVersion map(ResultSet rs, int row) throws SQLException {
    return new StrategyVersion(
        rs.getInt("number"),
        rs.getString("name"),
        rs.getString("code"),
        StrategyParameter.fromJson(rs.getString("parameters")),
        rs.getString("note"),
        rs.getObject("restored_from", Integer.class),
        instant(rs, "created_at"));
  }
}
