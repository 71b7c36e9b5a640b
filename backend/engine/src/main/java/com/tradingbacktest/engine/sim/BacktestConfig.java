package com.tradingbacktest.engine.sim;

import java.util.Objects;

/**
 * How a run simulates the market. The defaults reproduce backtesting.py's execution model: market
 * orders fill at the next open, all-in sizing in whole units with the commission included,
 * commission a fraction of each fill, positions marked at the close, long only, one entry per
 * position, open positions left open.
 *
 * @param initialCapital starting cash (> 0)
 * @param fillMode when market orders from signals execute
 * @param costs commissions, taxes, slippage
 * @param sizing how much an entry buys
 * @param quantityStep the smallest tradable quantity: 1 for stocks (or the lot size), e.g. 1e-8 for
 *     crypto
 * @param allowShort whether short entries open short positions (else they only close longs)
 * @param closeAtEnd close an open position at the end, so it counts as a trade
 * @param riskFreeRate annual risk-free rate for Sharpe and Sortino, as a fraction
 * @param margin leverage, maintenance margin, interest and short borrow fees; {@link Margin#none()}
 *     (the default) is a cash account
 * @param funding perpetual-futures funding of the symbol; {@link Funding#none()} by default
 * @param closeAtEndPrice with {@code closeAtEnd}, the last bar's open or close (the default)
 * @param pyramiding the most entries open at once in one direction (1 to {@link #MAX_PYRAMIDING}):
 *     with more than 1, an entry signal in the direction of the open position adds a lot
 *     (docs/ENGINE.md, "Pyramiding and partial exits")
 */
public record BacktestConfig(
    double initialCapital,
    FillMode fillMode,
    CostModel costs,
    SizingModel sizing,
    double quantityStep,
    boolean allowShort,
    boolean closeAtEnd,
    double riskFreeRate,
    Margin margin,
    Funding funding,
    EndPrice closeAtEndPrice,
    int pyramiding,
    com.tradingbacktest.engine.market.MarketRules marketRules) {

  /**
   * The most entries a position may hold: each open lot is checked on every bar it is held, and
   * every lot closes into a trade of its own, so the count is bounded.
   */
  public static final int MAX_PYRAMIDING = 100;

  public BacktestConfig {
    Objects.requireNonNull(fillMode, "fillMode");
    Objects.requireNonNull(margin, "margin");
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(closeAtEndPrice, "closeAtEndPrice");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(sizing, "sizing");
    requirePositive("initial capital", initialCapital);
    requirePositive("quantity step", quantityStep);
    if (!Double.isFinite(riskFreeRate) || riskFreeRate <= -1) {
      throw new IllegalArgumentException("risk-free rate must be a finite fraction > -1");
    }
    requirePyramiding(pyramiding);
  }

  /** Checks a pyramiding limit: 1 (one entry, the default) to {@link #MAX_PYRAMIDING}. */
  public static void requirePyramiding(int pyramiding) {
    if (pyramiding < 1 || pyramiding > MAX_PYRAMIDING) {
      throw new IllegalArgumentException(
          "pyramiding must be from 1 to " + MAX_PYRAMIDING + " entries, got " + pyramiding);
    }
  }

  /**
   * Whether a run with these signals trades in lots (pyramiding above 1, or a scale-out column):
   * such a run goes through the one-leg {@code PortfolioBacktest}, whose positions keep their lots;
   * the simulator's fast path holds one entry and closes it whole.
   */
  public boolean tradesInLots(Signals signals) {
    return pyramiding > 1 || signals.exitFraction() != null;
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
  }

  /**
   * Whether the run needs the account of a portfolio run: margin terms or funding ({@code
   * Backtest.run} then runs it as a one-symbol portfolio).
   */
  public boolean hasAccountFeatures() {
    return !margin.isNone() || !funding.isNone();
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
        .riskFreeRate(riskFreeRate)
        .margin(margin)
        .funding(funding)
        .closeAtEndPrice(closeAtEndPrice)
        .pyramiding(pyramiding)
        .marketRules(marketRules);
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
    private Margin margin = Margin.none();
    private Funding funding = Funding.none();
    private EndPrice closeAtEndPrice = EndPrice.CLOSE;
    private int pyramiding = 1;
    private com.tradingbacktest.engine.market.MarketRules marketRules =
        com.tradingbacktest.engine.market.MarketRules.none();

    public Builder marketRules(com.tradingbacktest.engine.market.MarketRules v) {
      marketRules = v;
      return this;
    }

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

    public Builder margin(Margin v) {
      margin = v;
      return this;
    }

    public Builder funding(Funding v) {
      funding = v;
      return this;
    }

    public Builder closeAtEndPrice(EndPrice v) {
      closeAtEndPrice = v;
      return this;
    }

    public Builder pyramiding(int v) {
      pyramiding = v;
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
          riskFreeRate,
          margin,
          funding,
          closeAtEndPrice,
          pyramiding,
          marketRules);
    }
  }
}
