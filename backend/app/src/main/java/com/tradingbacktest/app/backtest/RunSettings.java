package com.tradingbacktest.app.backtest;

import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.SizingModel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The engine settings a run used, every default resolved: what {@code backtests.settings} stores
 * and the API shows, so a result can always be explained and repeated.
 *
 * @param fill next_open or close
 * @param costs the cost model in force
 * @param sizing how entries were sized
 * @param quantityStep the smallest tradable quantity (the symbol's lot size)
 * @param allowShort whether short entries opened short positions
 * @param closeAtEnd whether an open position was closed at the last bar
 * @param riskFreeRate annual risk-free rate of Sharpe and Sortino
 * @param currency the symbol's currency: money in the result is in it
 * @param timeZone the symbol's zone: dates, months and years of the result are counted in it
 */
public record RunSettings(
    String fill,
    Costs costs,
    Sizing sizing,
    double quantityStep,
    boolean allowShort,
    boolean closeAtEnd,
    double riskFreeRate,
    String currency,
    String timeZone) {

  @Schema(name = "RunCosts")
  public record Costs(
      String preset,
      double commissionRate,
      double commissionFixed,
      double commissionMinimum,
      double sellTaxRate,
      double slippageRate,
      double slippageTicks,
      double tickSize) {

    public CostModel toModel() {
      return new CostModel(
          commissionRate,
          commissionFixed,
          commissionMinimum,
          sellTaxRate,
          slippageRate,
          slippageTicks,
          tickSize);
    }

    public static Costs of(String preset, CostModel m) {
      return new Costs(
          preset,
          m.commissionRate(),
          m.commissionFixed(),
          m.commissionMinimum(),
          m.sellTaxRate(),
          m.slippageRate(),
          m.slippageTicks(),
          m.tickSize());
    }
  }

  @Schema(name = "RunSizing")
  public record Sizing(String type, double value) {

    public SizingModel toModel() {
      return switch (type) {
        case "fraction_of_equity" -> new SizingModel.FractionOfEquity(value);
        case "fixed_quantity" -> new SizingModel.FixedQuantity(value);
        case "fixed_cash" -> new SizingModel.FixedCash(value);
        default -> throw new IllegalStateException("unknown sizing " + type);
      };
    }
  }

  public BacktestConfig toConfig(double initialCapital) {
    return BacktestConfig.builder()
        .initialCapital(initialCapital)
        .fillMode("close".equals(fill) ? FillMode.CLOSE : FillMode.NEXT_OPEN)
        .costs(costs.toModel())
        .sizing(sizing.toModel())
        .quantityStep(quantityStep)
        .allowShort(allowShort)
        .closeAtEnd(closeAtEnd)
        .riskFreeRate(riskFreeRate)
        .build();
  }
}
