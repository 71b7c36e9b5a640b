package com.tradingbacktest.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.RunTimeLimitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class JobFailuresTests {

  private final JobFailures failures =
      new JobFailures(
          new RunLimits(
              new BacktestSettings(
                  3,
                  3,
                  Duration.ofMinutes(10),
                  10_000,
                  50,
                  2000,
                  Duration.ofMinutes(5),
                  DataSize.ofMegabytes(100)),
              2),
          3);

  private final List<String> reasons = new ArrayList<>();

  private final JobFailures.Work work =
      new JobFailures.Work(
          "Optimisation 7 slice 2",
          "A slice of the grid (200 combinations)",
          "The strategy",
          "A slice of the grid",
          "optimisation 7",
          reasons::add);

  @Test
  void workThatRunsThroughFailsNothing() {
    assertThat(failures.run(work, 0, () -> {})).isTrue();
    assertThat(reasons).isEmpty();
  }

  @Test
  void aCancellationEndsTheJobWithoutAFailure() {
    Runnable cancelled =
        () -> {
          throw new BacktestCancelledException(12);
        };

    assertThat(failures.run(work, 0, cancelled)).isFalse();
    assertThat(reasons).isEmpty();
  }

  @Test
  void theTimeLimitAndBadInputFailTheWorkAtOnce() {
    Runnable timedOut =
        () -> {
          throw new RunTimeLimitException(Duration.ofMinutes(5));
        };
    Runnable invalid =
        () -> {
          throw new IllegalArgumentException("unknown parameter x");
        };

    assertThat(failures.run(work, 0, timedOut)).isFalse();
    assertThat(failures.run(work, 0, invalid)).isFalse();
    assertThat(reasons)
        .containsExactly(
            RunLimits.timeLimitReason(
                "A slice of the grid (200 combinations)", Duration.ofMinutes(5)),
            "The strategy could not run: unknown parameter x");
  }

  @Test
  void anUnexpectedFailureIsRetriedUntilTheLastAttemptThenFailsTheWork() {
    Runnable broken =
        () -> {
          throw new IllegalStateException("connection lost");
        };

    assertThatThrownBy(() -> failures.run(work, 1, broken))
        .isInstanceOf(IllegalStateException.class);
    assertThat(reasons).isEmpty();

    assertThat(failures.run(work, 2, broken)).isFalse();
    assertThat(reasons)
        .containsExactly(
            "A slice of the grid failed because of an internal error, 3 times. Reference:"
                + " optimisation 7.");
  }
}
