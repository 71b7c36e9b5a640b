package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.EndPrice;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Margin;
import com.tradingbacktest.engine.sim.SizingModel;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How a portfolio run simulates its account. Per-market settings (costs, quantity step) live on
 * each {@link PortfolioLeg}.
 *
 * @param initialCapital starting cash in the base currency (> 0)
 * @param baseCurrency the account's currency: cash, equity and contributions are in it
 * @param fx per foreign currency, a series quoting one unit of it in the base currency (e.g. "USD"
 *     to a USDKRW series); at each time the last FX close at or before it applies
 * @param rebalance when target weights are traded
 * @param zone the time zone of calendar periods (months for a monthly rebalance, and the metrics'
 *     months and years); null for the first leg's zone
 * @param fillMode when market orders (signals and rebalances) execute
 * @param sizing how much a signal's entry buys, against the shared account's equity
 * @param allowShort whether short entries open short positions
 * @param closeAtEnd close each open position at its symbol's last bar
 * @param riskFreeRate annual risk-free rate for Sharpe and Sortino, as a fraction
 * @param margin the account's leverage, maintenance margin, interest and short borrow fees; {@link
 *     Margin#none()} (the default) is a cash account
 * @param closeAtEndPrice with {@code closeAtEnd}, the last bar's open or close (the default)
 * @param pyramiding the most entries a symbol's position holds at once in one direction, 1 to
 *     {@link BacktestConfig#MAX_PYRAMIDING} (docs/ENGINE.md, "Pyramiding and partial exits")
 */
public record PortfolioConfig(
    double initialCapital,
    String baseCurrency,
    Map<String, BarSeries> fx,
    Rebalance rebalance,
    ZoneId zone,
    FillMode fillMode,
    SizingModel sizing,
    boolean allowShort,
    boolean closeAtEnd,
    double riskFreeRate,
    Margin margin,
    EndPrice closeAtEndPrice,
    int pyramiding) {

  public PortfolioConfig {
    Objects.requireNonNull(margin, "margin");
    Objects.requireNonNull(closeAtEndPrice, "closeAtEndPrice");
    Objects.requireNonNull(baseCurrency, "baseCurrency");
    Objects.requireNonNull(rebalance, "rebalance");
    Objects.requireNonNull(fillMode, "fillMode");
    Objects.requireNonNull(sizing, "sizing");
    fx = Map.copyOf(Objects.requireNonNull(fx, "fx"));
    if (!(initialCapital > 0) || !Double.isFinite(initialCapital)) {
      throw new IllegalArgumentException("initial capital must be > 0, got " + initialCapital);
    }
    if (!Double.isFinite(riskFreeRate) || riskFreeRate <= -1) {
      throw new IllegalArgumentException("risk-free rate must be a finite fraction > -1");
    }
    BacktestConfig.requirePyramiding(pyramiding);
    if (fx.containsKey(baseCurrency)) {
      throw new IllegalArgumentException(
          "an FX series for " + baseCurrency + ", the base currency itself, makes no sense");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction; the defaults match a single-symbol run's ({@code BacktestConfig}). */
  public static final class Builder {
    private double initialCapital = 10_000;
    private String baseCurrency = "KRW";
    private Map<String, BarSeries> fx = Map.of();
    private Rebalance rebalance = Rebalance.MONTHLY;
    private ZoneId zone;
    private FillMode fillMode = FillMode.NEXT_OPEN;
    private SizingModel sizing = SizingModel.allIn();
    private boolean allowShort;
    private boolean closeAtEnd;
    private double riskFreeRate;
    private Margin margin = Margin.none();
    private EndPrice closeAtEndPrice = EndPrice.CLOSE;
    private int pyramiding = 1;

    public Builder initialCapital(double v) {
      initialCapital = v;
      return this;
    }

    public Builder baseCurrency(String v) {
      baseCurrency = v;
      return this;
    }

    public Builder fx(Map<String, BarSeries> v) {
      fx = v;
      return this;
    }

    public Builder rebalance(Rebalance v) {
      rebalance = v;
      return this;
    }

    public Builder zone(ZoneId v) {
      zone = v;
      return this;
    }

    public Builder fillMode(FillMode v) {
      fillMode = v;
      return this;
    }

    public Builder sizing(SizingModel v) {
      sizing = v;
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

    public Builder closeAtEndPrice(EndPrice v) {
      closeAtEndPrice = v;
      return this;
    }

    public Builder pyramiding(int v) {
      pyramiding = v;
      return this;
    }

    public PortfolioConfig build() {
      return new PortfolioConfig(
          initialCapital,
          baseCurrency,
          fx,
          rebalance,
          zone,
          fillMode,
          sizing,
          allowShort,
          closeAtEnd,
          riskFreeRate,
          margin,
          closeAtEndPrice,
          pyramiding);
    }
  }
}
