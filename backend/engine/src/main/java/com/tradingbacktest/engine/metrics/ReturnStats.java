package com.tradingbacktest.engine.metrics;

/**
 * Volatility, Sharpe and Sortino from per-bar simple returns {@code equity[i] / equity[i-1] - 1},
 * fed one return at a time (no array of returns is allocated). Mean and variance use Welford's
 * update, which is exact for constant returns and stable over a million bars.
 */
final class ReturnStats {

  /**
   * A per-bar standard deviation at or below this is rounding noise, not risk: equity growing by a
   * constant 0.1% a bar gives returns that differ only in the 16th digit, and dividing by that
   * would report a Sharpe ratio of 1e13 instead of "undefined". Real per-bar volatility is many
   * orders larger.
   */
  static final double NOISE = 1e-12;

  private final double barsPerYear;
  final double rfPerBar;

  // Read and written back by EquityCurveStats.run, which holds them in locals through a run of
  // bars.
  int count;
  double mean;
  double m2;
  double downsideSquares;
  boolean undefined;

  /**
   * @param barsPerYear annualisation factor
   * @param riskFreeRate annual risk-free rate as a fraction
   */
  ReturnStats(double barsPerYear, double riskFreeRate) {
    this.barsPerYear = barsPerYear;
    // The per-bar rate that compounds to the annual one over a year of bars.
    this.rfPerBar = Math.pow(1 + riskFreeRate, 1 / barsPerYear) - 1;
  }

  /** The equity went from {@code previous} to {@code current} over one bar. */
  void add(double previous, double current) {
    if (previous <= 0) {
      // A return on zero or negative equity means nothing; one of them makes every statistic
      // undefined.
      undefined = true;
      return;
    }
    double r = current / previous - 1;
    count++;
    double delta = r - mean;
    mean += delta / count;
    m2 += delta * (r - mean);
    // min(excess, 0) squared rather than "if (excess < 0)": in the market about half the returns
    // fall below the rate, a branch the CPU mispredicts on a quarter of all bars. Adding +0.0
    // leaves the (never negative-zero) sum unchanged, so the result is the same to the last bit.
    double below = Math.min(r - rfPerBar, 0.0);
    downsideSquares += below * below;
  }

  double rfPerBar() {
    return rfPerBar;
  }

  /** Sample (n - 1) standard deviation of the per-bar returns; NaN with fewer than two. */
  double stdevPerBar() {
    return undefined || count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
  }

  /** {@link #stdevPerBar()} times sqrt(bars per year); 0 for a flat equity curve. */
  double annualizedVolatility() {
    double sd = stdevPerBar();
    return sd <= NOISE ? 0 : sd * Math.sqrt(barsPerYear);
  }

  /** (mean - rf per bar) / stdev * sqrt(bars per year); NaN when the stdev is zero or undefined. */
  double sharpe() {
    double sd = stdevPerBar();
    if (!(sd > NOISE)) {
      return Double.NaN;
    }
    return (mean - rfPerBar) / sd * Math.sqrt(barsPerYear);
  }

  /**
   * (mean - rf per bar) / downside deviation * sqrt(bars per year), the downside deviation being
   * sqrt(mean over all returns of min(0, r - rf per bar)^2). NaN when no return fell below the
   * risk-free rate (the ratio would be infinite) or there are no returns.
   */
  double sortino() {
    if (undefined || count == 0) {
      return Double.NaN;
    }
    double downside = Math.sqrt(downsideSquares / count);
    if (!(downside > NOISE)) {
      return Double.NaN;
    }
    return (mean - rfPerBar) / downside * Math.sqrt(barsPerYear);
  }
}
