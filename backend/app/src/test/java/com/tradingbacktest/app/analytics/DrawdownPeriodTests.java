package com.tradingbacktest.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The drawdown periods table, on equity curves whose periods are worked out by hand. */
class DrawdownPeriodTests {

  private static final long DAY = 86_400_000L;

  @Test
  void listsTwoKnownDrawdownsDeepestFirstWithTroughRecoveryAndLengths() {
    // Days 0..9. Peak 100 at day 1, trough 90 on day 3, back to 100 on day 4 (-10%, 3 days).
    // Peak 120 at day 5, trough 90 on day 7 (-25%), recovered at 125 on day 9 (4 days).
    long[] times = days(10);
    double[] equity = {100, 100, 95, 90, 100, 120, 100, 90, 110, 125};

    List<DrawdownPeriod> periods = DrawdownPeriod.deepest(times, equity, 5);

    assertThat(periods).hasSize(2);
    DrawdownPeriod deepest = periods.get(0);
    assertThat(deepest.start()).isEqualTo(5 * DAY);
    assertThat(deepest.trough()).isEqualTo(7 * DAY);
    assertThat(deepest.recovery()).isEqualTo(9 * DAY);
    assertThat(deepest.depth()).isCloseTo(-0.25, within(1e-12));
    assertThat(deepest.durationDays()).isEqualTo(4.0);
    assertThat(deepest.durationBars()).isEqualTo(4);
    DrawdownPeriod second = periods.get(1);
    assertThat(second.start()).isEqualTo(DAY); // the last bar at the peak before the fall
    assertThat(second.trough()).isEqualTo(3 * DAY);
    assertThat(second.recovery()).isEqualTo(4 * DAY);
    assertThat(second.depth()).isCloseTo(-0.10, within(1e-12));
    assertThat(second.durationBars()).isEqualTo(3);
  }

  @Test
  void aDrawdownNotRecoveredByTheLastBarEndsThereWithoutARecovery() {
    long[] times = days(5);
    double[] equity = {100, 110, 99, 104, 105};

    DrawdownPeriod open = DrawdownPeriod.deepest(times, equity, 5).get(0);

    assertThat(open.start()).isEqualTo(DAY);
    assertThat(open.trough()).isEqualTo(2 * DAY);
    assertThat(open.recovery()).isNull();
    assertThat(open.depth()).isCloseTo(-0.10, within(1e-12));
    assertThat(open.durationDays()).isEqualTo(3.0);
    assertThat(open.durationBars()).isEqualTo(3);
  }

  @Test
  void keepsOnlyTheDeepestAndNoneForEquityThatNeverFalls() {
    // Five dips of 1%..5% (each recovered the next bar): the three deepest, deepest first.
    double[] equity = {100, 99, 100, 98, 100, 97, 100, 96, 100, 95, 100};

    List<DrawdownPeriod> top = DrawdownPeriod.deepest(days(equity.length), equity, 3);

    assertThat(top).extracting(DrawdownPeriod::start).containsExactly(8 * DAY, 6 * DAY, 4 * DAY);
    assertThat(top.get(0).depth()).isCloseTo(-0.05, within(1e-12));
    assertThat(DrawdownPeriod.deepest(days(3), new double[] {100, 101, 101}, 5)).isEmpty();
    assertThat(DrawdownPeriod.deepest(days(1), new double[] {100}, 5)).isEmpty();
  }

  private static long[] days(int n) {
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      times[i] = i * DAY;
    }
    return times;
  }
}
