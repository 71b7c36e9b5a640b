package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioSweepTests {

  @Test
  void joinsTheTimesOfTheUniverseOnceEachInOrder() {
    PortfolioBars bars =
        new PortfolioBars(
            List.of(series("A", 1, 3, 5), series("B", 2, 3, 6), series("C")), Map.of(), null);

    assertThat(PortfolioSweep.times(bars)).containsExactly(1, 2, 3, 5, 6);
  }

  @Test
  void findsTheFirstTimeAtOrAfterOne() {
    long[] times = {10, 20, 30};

    assertThat(PortfolioSweep.firstAtOrAfter(times, 5)).isZero();
    assertThat(PortfolioSweep.firstAtOrAfter(times, 20)).isEqualTo(1);
    assertThat(PortfolioSweep.firstAtOrAfter(times, 21)).isEqualTo(2);
    assertThat(PortfolioSweep.firstAtOrAfter(times, 31)).isEqualTo(3);
  }

  private static BarSeries series(String symbol, long... times) {
    double[] prices = new double[times.length];
    Arrays.fill(prices, 100);
    return BarSeries.of(
        symbol,
        Interval.D1,
        MarketCalendar.CRYPTO,
        ZoneOffset.UTC,
        times,
        prices,
        prices,
        prices,
        prices,
        prices);
  }
}
