package com.tradingbacktest.app.backtest.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Migration V21: walk-forwards, their windows and finished slices. */
class WalkForwardSchemaIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Autowired WalkForwardRepository walkForwards;

  @Test
  void keepsWindowsWithPartsInOrderAndOneRowPerSliceAndDeletesThemWithTheirOwner() {
    UUID user = UUID.randomUUID();
    jdbc.sql("insert into users (id, email, username, password_hash) values (?, ?, ?, 'x')")
        .params(user, user + "@example.com", user.toString().substring(0, 30))
        .update();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into walk_forwards (id, user_id, strategy_code, symbol, series_key, dataset,"
                + " interval, start_date, end_date, initial_capital, settings, ranges, objective,"
                + " windows_spec, combinations, window_count, slices_per_window)"
                + " values (?, ?, 'x', 'AAPL', 'AAPL', 'shared', '1d', '2020-01-01', '2021-01-01',"
                + " 10000, '{}', '[]', 'sharpe_ratio', '{}', 19, 2, 1)")
        .params(id, user)
        .update();
    String window =
        "insert into walk_forward_windows (walk_forward_id, number, train_from, train_to,"
            + " test_from, test_to, train_start, train_end, test_start, test_end)"
            + " values (?, ?, ?, ?, ?, ?, now(), now(), now(), now())";
    jdbc.sql(window).params(id, 1, 0, 100, 100, 150).update();
    jdbc.sql(window).params(id, 2, 50, 150, 155, 200).update();
    // A test part before its train part ends, or an empty part, is no window.
    assertThatThrownBy(() -> jdbc.sql(window).params(id, 3, 0, 100, 90, 150).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql(window).params(id, 3, 0, 100, 100, 100).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    String slice =
        "insert into walk_forward_slices (walk_forward_id, window_number, slice, backtests,"
            + " combination, parameters, score, feasible, metrics)"
            + " values (?, ?, 0, 19, 3, '{}', 1.5, true, '{}')";
    jdbc.sql(slice).params(id, 1).update();
    assertThatThrownBy(() -> jdbc.sql(slice).params(id, 1).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    // A slice belongs to a window of its walk-forward.
    assertThatThrownBy(() -> jdbc.sql(slice).params(id, 7).update())
        .isInstanceOf(DataIntegrityViolationException.class);

    jdbc.sql("delete from users where id = ?").param(user).update();

    assertThat(count("walk_forwards", id)).isZero();
    assertThat(count("walk_forward_windows", id)).isZero();
    assertThat(count("walk_forward_slices", id)).isZero();
  }

  @Test
  void aRetriedSliceStoresAndCountsNothingTwice() {
    UUID user = UUID.randomUUID();
    jdbc.sql("insert into users (id, email, username, password_hash) values (?, ?, ?, 'x')")
        .params(user, user + "@example.com", user.toString().substring(0, 30))
        .update();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into walk_forwards (id, user_id, strategy_code, symbol, series_key, dataset,"
                + " interval, start_date, end_date, initial_capital, settings, ranges, objective,"
                + " windows_spec, combinations, window_count, slices_per_window, status)"
                + " values (?, ?, 'x', 'AAPL', 'AAPL', 'shared', '1d', '2020-01-01', '2021-01-01',"
                + " 10000, '{}', '[]', 'sharpe_ratio', '{}', 60, 1, 2, 'running')")
        .params(id, user)
        .update();
    jdbc.sql(
            "insert into walk_forward_windows (walk_forward_id, number, train_from, train_to,"
                + " test_from, test_to, train_start, train_end, test_start, test_end)"
                + " values (?, 1, 0, 100, 100, 150, now(), now(), now(), now())")
        .param(id)
        .update();
    WalkForwardRepository.SliceBest best =
        new WalkForwardRepository.SliceBest(1, 7, "{\"n\": 2}", 0.5, true, "{}");

    walkForwards.saveSlice(id, 1, 0, 50, best);
    walkForwards.saveSlice(id, 1, 0, 50, best);

    assertThat(walkForwards.sliceDone(id, 1, 0)).isTrue();
    assertThat(walkForwards.allSlicesDone(id)).isFalse();
    WalkForwardRow row = walkForwards.findForRun(id).orElseThrow();
    assertThat(row.backtestsDone()).isEqualTo(50);
    assertThat(row.progress()).isEqualTo(83); // 50 of 60

    walkForwards.saveSlice(
        id, 1, 1, 10, new WalkForwardRepository.SliceBest(1, 55, "{\"n\": 3}", 0.9, false, "{}"));

    assertThat(walkForwards.allSlicesDone(id)).isTrue();
    // The window's choice ranks feasible before a higher infeasible score.
    assertThat(walkForwards.windowBests(id).get(1).combination()).isEqualTo(7);
    assertThat(walkForwards.findForRun(id).orElseThrow().progress()).isEqualTo(99);
    // A walk-forward left running would make every other user's jobs step aside (WorkerShare).
    jdbc.sql("delete from users where id = ?").param(user).update();
  }

  private long count(String table, UUID id) {
    String column = table.equals("walk_forwards") ? "id" : "walk_forward_id";
    return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
