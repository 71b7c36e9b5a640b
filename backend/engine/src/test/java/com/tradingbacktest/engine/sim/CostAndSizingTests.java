package com.tradingbacktest.engine.sim;

import static com.tradingbacktest.engine.sim.Bars.at;
import static com.tradingbacktest.engine.sim.Bars.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import org.junit.jupiter.api.Test;

class CostAndSizingTests {

  private static final BarSeries BARS =
      Bars.of(
          row(100, 100, 100, 100),
          row(100, 100, 100, 100),
          row(110, 110, 110, 110),
          row(110, 110, 110, 110));
  private static final Signals ROUND_TRIP =
      Signals.builder(4).longEntry(at(4, 0)).longExit(at(4, 1)).build();

  @Test
  void chargesTheMinimumCommissionWhenTheRateGivesLess() {
    CostModel costs = new CostModel(0.001, 0, 5, 0, 0, 0, 0);
    Simulation sim = run(costs, new SizingModel.FixedQuantity(10), 10_000);

    // Buy 10 x 100 = 1000: 0.1% = 1 < minimum 5. Sell 10 x 110 = 1100: 1.1 < 5. Total 10.
    assertThat(sim.fills().get(0).commission()).isEqualTo(5);
    assertThat(sim.fills().get(1).commission()).isEqualTo(5);
    assertThat(sim.finalEquity()).isCloseTo(10_000 + 100 - 10, within(1e-9));
  }

  @Test
  void addsAFixedFeePerFillToTheRate() {
    CostModel costs = new CostModel(0.001, 2, 0, 0, 0, 0, 0);
    Simulation sim = run(costs, new SizingModel.FixedQuantity(10), 10_000);

    assertThat(sim.fills().get(0).commission()).isCloseTo(1 + 2, within(1e-12));
    assertThat(sim.fills().get(1).commission()).isCloseTo(1.1 + 2, within(1e-12));
  }

  @Test
  void taxesOnlySells() {
    Simulation sim = run(CostModel.krxStock(), new SizingModel.FixedQuantity(10), 10_000);

    // KRX: 0.015% commission both ways, 0.20% tax on the sell of 1100 = 2.2.
    assertThat(sim.fills().get(0).tax()).isZero();
    assertThat(sim.fills().get(1).tax()).isCloseTo(2.2, within(1e-12));
    double costs = 1000 * 0.00015 + 1100 * 0.00015 + 2.2;
    assertThat(sim.commissions()).isCloseTo(costs, within(1e-12));
    assertThat(sim.finalEquity()).isCloseTo(10_100 - costs, within(1e-9));
  }

  @Test
  void slipsMarketFillsAgainstTheTraderByRateAndTicks() {
    CostModel costs = new CostModel(0, 0, 0, 0, 0.001, 2, 0.05);
    Simulation sim = run(costs, new SizingModel.FixedQuantity(10), 10_000);

    // Buy at 100 x 1.001 + 2 x 0.05 = 100.2; sell at 110 x 0.999 - 0.1 = 109.79.
    assertThat(sim.fills().get(0).price()).isCloseTo(100.2, within(1e-12));
    assertThat(sim.fills().get(1).price()).isCloseTo(109.79, within(1e-12));
  }

  @Test
  void fixedCashBuysWhatTheAmountAffordsCostsIncluded() {
    Simulation sim = run(CostModel.ofCommissionRate(0.01), new SizingModel.FixedCash(1000), 10_000);

    // floor(1000 / (100 x 1.01)) = 9.
    assertThat(sim.fills().get(0).quantity()).isEqualTo(9);
  }

  @Test
  void aFixedQuantityBeyondTheCashIsReducedToWhatItAffords() {
    Simulation sim = run(CostModel.ofCommissionRate(0.01), new SizingModel.FixedQuantity(50), 1000);

    // 9 x 100 x 1.01 = 909 fits; 10 would cost 1010 > 1000.
    assertThat(sim.fills().get(0).quantity()).isEqualTo(9);
  }

  @Test
  void buysFractionalUnitsWithAFineQuantityStep() {
    BacktestConfig config =
        BacktestConfig.builder()
            .initialCapital(1000)
            .quantityStep(0.001)
            .costs(CostModel.upbit())
            .build();
    Simulation sim = Simulator.run(BARS, ROUND_TRIP, config);

    // 1000 / (100 x 1.0005) = 9.99500... -> 9.995 in steps of 0.001.
    assertThat(sim.fills().get(0).quantity()).isCloseTo(9.995, within(1e-12));
    assertThat(sim.fills().get(0).value() + sim.fills().get(0).commission())
        .isLessThanOrEqualTo(1000);
  }

  @Test
  void roundsToTheLotSize() {
    BacktestConfig config = BacktestConfig.builder().initialCapital(1000).quantityStep(3).build();

    assertThat(Simulator.run(BARS, ROUND_TRIP, config).fills().get(0).quantity()).isEqualTo(9);
  }

  @Test
  void aFractionOfEquitySizesFromTheEquityAtTheFill() {
    BacktestConfig config =
        BacktestConfig.builder()
            .initialCapital(1000)
            .sizing(new SizingModel.FractionOfEquity(0.5))
            .build();

    assertThat(Simulator.run(BARS, ROUND_TRIP, config).fills().get(0).quantity()).isEqualTo(5);
  }

  @Test
  void theSizeColumnOverridesAsFractionOrUnits() {
    double[] fraction = Bars.nan(4);
    fraction[0] = 0.3;
    double[] units = Bars.nan(4);
    units[0] = 4;
    BacktestConfig config = BacktestConfig.builder().initialCapital(1000).build();

    Simulation byFraction =
        Simulator.run(BARS, Signals.builder(4).longEntry(at(4, 0)).size(fraction).build(), config);
    Simulation byUnits =
        Simulator.run(BARS, Signals.builder(4).longEntry(at(4, 0)).size(units).build(), config);

    assertThat(byFraction.fills().get(0).quantity()).isEqualTo(3);
    assertThat(byUnits.fills().get(0).quantity()).isEqualTo(4);
  }

  @Test
  void rejectsAnEntryThatCannotAffordOneUnit() {
    Simulation sim = run(CostModel.none(), SizingModel.allIn(), 99);

    assertThat(sim.fills()).isEmpty();
    assertThat(sim.rejectedOrders()).isEqualTo(1);
    assertThat(sim.finalEquity()).isEqualTo(99);
  }

  private static Simulation run(CostModel costs, SizingModel sizing, double capital) {
    return Simulator.run(
        BARS,
        ROUND_TRIP,
        BacktestConfig.builder().initialCapital(capital).costs(costs).sizing(sizing).build());
  }
}
