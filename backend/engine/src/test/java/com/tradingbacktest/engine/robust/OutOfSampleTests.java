package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutOfSampleTests {

  @Test
  void holdsOutTheLastFractionRounded() {
    assertThat(OutOfSample.splitByFraction(100, 0.3)).isEqualTo(70);
    assertThat(OutOfSample.splitByFraction(10, 0.25)).isEqualTo(7); // 2.5 bars round to 3
    assertThat(OutOfSample.splitByFraction(2, 0.5)).isEqualTo(1);
  }

  @Test
  void refusesFractionsThatLeaveAnEmptyPart() {
    assertThatThrownBy(() -> OutOfSample.splitByFraction(3, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the held-out part would be empty: 10% of 3 bars is less than one bar");
    assertThatThrownBy(() -> OutOfSample.splitByFraction(3, 0.9))
        .hasMessage("the in-sample part would be empty: holding out 90% of 3 bars leaves none");
    assertThatThrownBy(() -> OutOfSample.splitByFraction(100, 1))
        .hasMessage("the held-out fraction must be above 0 and below 1, got 1.0");
    assertThatThrownBy(() -> OutOfSample.splitByFraction(100, 0))
        .hasMessage("the held-out fraction must be above 0 and below 1, got 0.0");
    assertThatThrownBy(() -> OutOfSample.splitByFraction(100, Double.NaN))
        .hasMessage("the held-out fraction must be above 0 and below 1, got NaN");
  }

  @Test
  void splitsAtTheFirstBarAtOrAfterTheDate() {
    long[] times = {1000, 2000, 3000, 4000};
    assertThat(OutOfSample.splitByTime(times, 2000)).isEqualTo(1);
    assertThat(OutOfSample.splitByTime(times, 2500)).isEqualTo(2);
    assertThat(OutOfSample.splitByTime(times, 4000)).isEqualTo(3);
  }

  @Test
  void refusesDatesThatLeaveAnEmptyPart() {
    long[] times = {0, 86_400_000L};
    assertThatThrownBy(() -> OutOfSample.splitByTime(times, 86_400_001L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the held-out part would be empty: no bar at or after 1970-01-02T00:00:00.001Z; the"
                + " last bar is at 1970-01-02T00:00:00Z");
    assertThatThrownBy(() -> OutOfSample.splitByTime(times, 0))
        .hasMessage(
            "the in-sample part would be empty: the first bar, at 1970-01-01T00:00:00Z, is not"
                + " before 1970-01-01T00:00:00Z");
    assertThatThrownBy(() -> OutOfSample.splitByTime(new long[0], 0))
        .hasMessage("the held-out part would be empty: no bar at or after 1970-01-01T00:00:00Z");
  }
}
