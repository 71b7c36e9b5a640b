package com.tradingbacktest.engine.sim;

import java.util.Objects;

/**
 * How a run simulates the market. The defaults reproduce backtesting.py's execution model: market
 * orders fill at the next open, all-in sizing in whole units with the commission included,
 * commission a fraction of each fill, positions marked at the close, long only, open positions left
 * open.
 *
 * @param initialCapital starting cash (> 0)
 * @param fillMode when market orders from signals execute
 * @param costs commissions, taxes, slippage
 * @param sizing how much an entry buys
 * @param quantityStep the smallest tradable quantity: 1 for stocks (or the lot size), e.g. 1e-8 for
 *     crypto
 * @param allowShort whether short entries open short positions (else they only close longs)
 * @param closeAtEnd close an open position at the last bar's close, so it counts as a trade
 * @param riskFreeRate annual risk-free rate for Sharpe and Sortino, as a fraction
 */
public record BacktestConfig(
    double initialCapital,
    FillMode fillMode,
    CostModel costs,
    SizingModel sizing,
    double quantityStep,
    boolean allowShort,
    boolean closeAtEnd,
    double riskFreeRate) {

  public BacktestConfig {
    Objects.requireNonNull(fillMode, "fillMode");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(sizing, "sizing");
    requirePositive("initial capital", initialCapital);
    requirePositive("quantity step", quantityStep);
    if (!Double.isFinite(riskFreeRate) || riskFreeRate <= -1) {
      throw new IllegalArgumentException("risk-free rate must be a finite fraction > -1");
    }
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static BacktestConfig defaults() {
    return builder().build();
  }

  public Builder toBuilder() {
    return new Builder()
        .initialCapital(initialCapital)
        .fillMode(fillMode)
        .costs(costs)
        .sizing(sizing)
        .quantityStep(quantityStep)
        .allowShort(allowShort)
        .closeAtEnd(closeAtEnd)
        .riskFreeRate(riskFreeRate);
  }

  /** Fluent construction with the documented defaults. */
  public static final class Builder {
    private double initialCapital = 10_000;
    private FillMode fillMode = FillMode.NEXT_OPEN;
    private CostModel costs = CostModel.none();
    private SizingModel sizing = SizingModel.allIn();
    private double quantityStep = 1;
    private boolean allowShort;
    private boolean closeAtEnd;
    private double riskFreeRate;

    public Builder initialCapital(double v) {
      initialCapital = v;
      return this;
    }

    public Builder fillMode(FillMode v) {
      fillMode = v;
      return this;
    }

    public Builder costs(CostModel v) {
      costs = v;
      return this;
    }

    public Builder sizing(SizingModel v) {
      sizing = v;
      return this;
    }

    public Builder quantityStep(double v) {
      quantityStep = v;
      return this;
    }

    public Builder allowShort(boolean v) {
      allowShort = v;
      return this;
    }

    public Builder closeAtEnd(boolean v) {
      closeAtEnd = v;
      return this;
    }

    public Builder riskFreeRate(double v) {
      riskFreeRate = v;
      return this;
    }

    public BacktestConfig build() {
      return new BacktestConfig(
          initialCapital,
          fillMode,
          costs,
          sizing,
          quantityStep,
          allowShort,
          closeAtEnd,
          riskFreeRate);
    }
  }
}
