package com.tradingbacktest.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RunLimitsTests {

  private static BacktestSettings settings(Duration timeLimit, DataSize memoryLimit) {
    return new BacktestSettings(
        3, 3, Duration.ofMinutes(10), 10_000, 50, 2000, timeLimit, memoryLimit);
  }

  @Test
  void anExplicitMemoryLimitWins() {
    RunLimits limits = new RunLimits(settings(Duration.ofMinutes(5), DataSize.ofMegabytes(300)), 4);
    assertThat(limits.memoryBytes()).isEqualTo(300L << 20);
  }

  @Test
  void withoutALimitEachWorkerGetsItsShareOfSixtyPercentOfTheHeap() {
    long heap = Runtime.getRuntime().maxMemory();
    assertThat(new RunLimits(settings(Duration.ofMinutes(5), DataSize.ofBytes(0)), 1).memoryBytes())
        .isEqualTo((long) (heap * 0.6));
    assertThat(new RunLimits(settings(Duration.ofMinutes(5), DataSize.ofBytes(0)), 4).memoryBytes())
        .isEqualTo((long) (heap * 0.6 / 4));
  }

  @Test
  void theTimeLimitReasonSaysTheLimitInWords() {
    assertThat(
            new RunLimits(settings(Duration.ofMinutes(5), DataSize.ofBytes(0)), 2)
                .timeLimitReason("The run"))
        .startsWith("The run was stopped at its time limit of 5 minutes;");
    assertThat(RunLimits.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(RunLimits.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    assertThat(RunLimits.describe(Duration.ofHours(1))).isEqualTo("1 hour");
  }

  @Test
  void refusesATimeLimitBelowOneSecondAndANegativeMemoryLimit() {
    assertThatThrownBy(() -> settings(Duration.ofMillis(500), DataSize.ofBytes(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings(Duration.ofMinutes(5), DataSize.ofBytes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
