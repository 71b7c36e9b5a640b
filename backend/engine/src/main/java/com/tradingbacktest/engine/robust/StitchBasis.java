package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the metrics of a stitched walk-forward need beyond its parts: how a run over the same bars
 * annualises and counts months ({@code calendar}, {@code interval}, {@code zone}, {@code
 * riskFreeRate}), and the closes of its buy-and-hold benchmark.
 *
 * @param close one close per stitched bar (the symbol's, for buy-and-hold); null to chain the test
 *     parts' own buy-and-hold curves (a portfolio's equal-weight one), each part starting where the
 *     one before ended, so the move from one part's last bar to the next part's first is not in it
 */
public record StitchBasis(
    double[] close, MarketCalendar calendar, Interval interval, ZoneId zone, double riskFreeRate) {

  public StitchBasis {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * The basis of a single-symbol walk-forward whose test parts cover {@code [from, to)} of {@code
   * bars}: those closes, and the bars' calendar, interval and zone.
   */
  public static StitchBasis of(BarSeries bars, int from, int to, double riskFreeRate) {
    return new StitchBasis(
        Arrays.copyOfRange(bars.close(), from, to),
        bars.calendar(),
        bars.interval(),
        bars.zone(),
        riskFreeRate);
  }

  /** The basis of a portfolio (or any series without one close): the parts' curves chained. */
  public static StitchBasis chained(
      MarketCalendar calendar, Interval interval, ZoneId zone, double riskFreeRate) {
    return new StitchBasis(null, calendar, interval, zone, riskFreeRate);
  }

  /**
   * A guess from the bar times alone, for {@link WalkForwardResult#stitch(java.util.List, double)}
   * whose parts do not say how they were measured: the interval nearest the shortest step between
   * bars, a crypto calendar when the bars fill at least 85% of the time they span (stocks skip
   * nights and weekends), UTC, no risk-free rate, the parts' buy-and-hold curves chained.
   */
  static StitchBasis guessedFrom(long[] times) {
    long step = Long.MAX_VALUE;
    for (int i = 1; i < times.length; i++) {
      long d = times[i] - times[i - 1];
      if (d > 0 && d < step) {
        step = d;
      }
    }
    Interval interval = Interval.D1;
    if (step != Long.MAX_VALUE) {
      double best = Double.POSITIVE_INFINITY;
      for (Interval candidate : Interval.values()) {
        double distance = Math.abs(Math.log((double) step / candidate.duration().toMillis()));
        if (distance < best) {
          best = distance;
          interval = candidate;
        }
      }
    }
    double span = times.length < 2 ? 0 : times[times.length - 1] - times[0];
    double filled =
        span <= 0 ? 1 : (times.length - 1) * (double) interval.duration().toMillis() / span;
    MarketCalendar calendar = filled >= 0.85 ? MarketCalendar.CRYPTO : MarketCalendar.STOCK;
    return new StitchBasis(null, calendar, interval, ZoneOffset.UTC, 0);
  }
}
