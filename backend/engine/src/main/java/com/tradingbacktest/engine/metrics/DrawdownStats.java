package com.tradingbacktest.engine.metrics;

/**
 * Drawdown of an equity curve, fed one bar at a time by {@link Metrics} so that all per-bar
 * statistics share a single pass. Fills the drawdown series and measures the drawdown periods.
 *
 * <p>A drawdown period starts at a peak (a bar whose equity is at or above every earlier bar's)
 * that is followed by a lower equity, and ends at the first bar that gets back to the peak, or at
 * the last bar if equity never does. Its duration runs from the peak bar to that end bar; its depth
 * is its deepest {@code equity / peak - 1}.
 */
final class DrawdownStats {

  private final long[] times;
  // The state of the period under way, read and written back by EquityCurveStats.run, which holds
  // it in locals through a run of bars.
  final double[] drawdown;

  double peak;
  int peakIndex;
  boolean underwater;
  double periodDepth;

  double maxDrawdown;
  private int periods;
  private double depthSum;
  private long barsSum;
  private long millisSum;
  private int maxBars;
  private long maxMillis;

  DrawdownStats(long[] times) {
    this.times = times;
    this.drawdown = new double[times.length];
  }

  /** Bar {@code i} (in order from 0) closed with {@code equity}. */
  void add(int i, double equity) {
    // >= rather than >: equity back exactly at the peak has recovered, which ends the period.
    if (i == 0 || equity >= peak) {
      if (underwater) {
        closePeriod(i);
      }
      peak = equity;
      peakIndex = i;
      return; // drawdown[i] is already 0
    }
    double dd = equity / peak - 1;
    drawdown[i] = dd;
    if (!underwater) {
      underwater = true;
      periodDepth = dd;
    } else if (dd < periodDepth) {
      periodDepth = dd;
    }
    if (dd < maxDrawdown) {
      maxDrawdown = dd;
    }
  }

  /** Ends a period still open at the last bar: it lasts until the end of the data. */
  void finish() {
    if (underwater) {
      closePeriod(times.length - 1);
    }
  }

  private void closePeriod(int endIndex) {
    endPeriod(endIndex, peakIndex, periodDepth);
    underwater = false;
  }

  /**
   * Counts the period from the peak at {@code peakIndex} to {@code endIndex} whose deepest drawdown
   * was {@code periodDepth}.
   */
  void endPeriod(int endIndex, int peakIndex, double periodDepth) {
    int bars = endIndex - peakIndex;
    long millis = times[endIndex] - times[peakIndex];
    periods++;
    depthSum += periodDepth;
    barsSum += bars;
    millisSum += millis;
    maxBars = Math.max(maxBars, bars);
    maxMillis = Math.max(maxMillis, millis);
  }

  double[] series() {
    return drawdown;
  }

  /** Most negative drawdown, 0 if equity never fell below a peak. */
  double maxDrawdown() {
    return maxDrawdown;
  }

  int maxDurationBars() {
    return maxBars;
  }

  long maxDurationMillis() {
    return maxMillis;
  }

  /** Mean depth of the periods (negative); NaN when there was none. */
  double averageDepth() {
    return periods == 0 ? Double.NaN : depthSum / periods;
  }

  double averageDurationBars() {
    return periods == 0 ? Double.NaN : (double) barsSum / periods;
  }

  double averageDurationMillis() {
    return periods == 0 ? Double.NaN : (double) millisSum / periods;
  }
}
