package com.tradingbacktest.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunControlTests {

  @Test
  void reportsProgressUpToOneHundred() {
    List<Integer> seen = new ArrayList<>();
    RunControl control =
        new RunControl() {
          @Override
          public void progress(int percent) {
            seen.add(percent);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };

    Simulator.run(
        SimulatorPropertyTests.randomBars(new java.util.Random(1), 40_000, 1),
        Signals.builder(40_000).build(),
        BacktestConfig.defaults(),
        control);

    assertThat(seen).isSorted().contains(100).hasSizeGreaterThan(2);
    assertThat(seen.get(0)).isLessThan(50);
  }

  @Test
  void stopsWhenCancelled() {
    RunControl cancelled =
        new RunControl() {
          @Override
          public void progress(int percent) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };

    assertThatThrownBy(
            () ->
                Simulator.run(
                    SimulatorPropertyTests.randomBars(new java.util.Random(1), 20_000, 1),
                    Signals.builder(20_000).build(),
                    BacktestConfig.defaults(),
                    cancelled))
        .isInstanceOf(BacktestCancelledException.class)
        .hasMessage("Backtest cancelled at bar 8192");
  }
}
