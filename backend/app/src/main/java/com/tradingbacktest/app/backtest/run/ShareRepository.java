package com.tradingbacktest.app.backtest.run;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code backtest_shares} (V23): at most one public link per run. */
@Repository
class ShareRepository {

  /** A run's link as its owner sees it. */
  record Share(String token, boolean includeCode, Instant createdAt) {}

  /** What a token opens: the run and its owner (never shown, only used to read the run). */
  record Link(UUID backtestId, UUID ownerId, boolean includeCode) {}

  private final JdbcClient jdbc;

  ShareRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Share> find(UUID backtestId) {
    return jdbc.sql(
            "select token, include_code, created_at from backtest_shares where backtest_id = ?")
        .param(backtestId)
        .query((rs, n) -> new Share(rs.getString(1), rs.getBoolean(2), instant(rs, 3)))
        .optional();
  }

  /**
   * The run's link with {@code includeCode}: a new one with {@code token}, or the existing one (its
   * token kept) with the choice updated.
   */
  Share save(UUID backtestId, String token, boolean includeCode) {
    return jdbc.sql(
            "insert into backtest_shares (backtest_id, token, include_code) values (?, ?, ?)"
                + " on conflict (backtest_id) do update set include_code = excluded.include_code"
                + " returning token, include_code, created_at")
        .params(backtestId, token, includeCode)
        .query((rs, n) -> new Share(rs.getString(1), rs.getBoolean(2), instant(rs, 3)))
        .single();
  }

  boolean delete(UUID backtestId) {
    return jdbc.sql("delete from backtest_shares where backtest_id = ?").param(backtestId).update()
        > 0;
  }

  Optional<Link> findByToken(String token) {
    return jdbc.sql(
            "select s.backtest_id, b.user_id, s.include_code from backtest_shares s"
                + " join backtests b on b.id = s.backtest_id where s.token = ?")
        .param(token)
        .query(
            (rs, n) ->
                new Link(
                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3)))
        .optional();
  }
}
