package com.tradingbacktest.engine.metrics;

import static com.tradingbacktest.engine.metrics.Inputs.T0;
import static com.tradingbacktest.engine.metrics.Inputs.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.Side;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON view, input validation, and a run of a million bars. */
class PerformanceMetricsTests {

  private static final List<String> SERIES =
      List.of("drawdown", "buyAndHoldEquity", "monthlyReturns", "yearlyReturns");

  @Test
  void toMapHasEveryScalarComponentUnderItsSnakeCaseNameInComponentOrder() {
    List<String> expected = new ArrayList<>();
    for (RecordComponent c : PerformanceMetrics.class.getRecordComponents()) {
      if (!SERIES.contains(c.getName())) {
        expected.add(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
      }
    }
    Map<String, Number> map = Inputs.equity(100, 110, 99, 120).compute().toMap();

    assertThat(map.keySet()).containsExactlyElementsOf(expected);
    assertThat(map)
        .containsKeys("max_drawdown_duration_bars", "expectancy_pct", "buy_and_hold_return", "sqn")
        .containsKeys("total_funding", "total_borrow_cost", "total_interest", "liquidations")
        .containsKeys("total_dividends")
        .hasSize(48);
  }

  @Test
  void toMapValuesMatchTheComponents() throws Exception {
    PerformanceMetrics m =
        Inputs.equity(100, 110, 99, 120).trades(trade(Side.LONG, 0, 3, 20, 0.2)).compute();
    Map<String, Number> map = m.toMap();
    for (RecordComponent c : PerformanceMetrics.class.getRecordComponents()) {
      String key = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
      if (map.containsKey(key)) {
        Object value = c.getAccessor().invoke(m);
        boolean finite = !(value instanceof Double d) || Double.isFinite(d);
        assertThat(map.get(key)).as(key).isEqualTo(finite ? value : null);
      }
    }
    assertThat(map.get("start")).isEqualTo(T0);
    assertThat(map.get("trade_count")).isEqualTo(1);
    assertThat((Double) map.get("total_return")).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void undefinedAndInfiniteValuesBecomeNull() {
    PerformanceMetrics m =
        Inputs.equity(100, 101, 102).trades(trade(Side.LONG, 0, 1, 1, 0.01)).compute();
    assertThat(m.profitFactor()).isInfinite();
    assertThat(m.sqn()).isNaN();

    Map<String, Number> map = m.toMap();
    assertThat(map)
        .containsEntry("profit_factor", null)
        .containsEntry("sqn", null)
        .containsEntry("average_drawdown", null)
        .containsEntry("calmar_ratio", null);
    assertThat(map.get("win_rate")).isEqualTo(1.0);
    Map<String, Object> month = new MonthlyReturn(2024, 5, Double.NaN).toMap();
    assertThat(month.keySet()).containsExactly("year", "month", "return");
    assertThat(month)
        .containsEntry("year", 2024)
        .containsEntry("month", 5)
        .containsEntry("return", null);
    assertThat(new YearlyReturn(2024, 0.5).toMap())
        .containsExactly(Map.entry("year", 2024), Map.entry("return", 0.5));
  }

  @Test
  void readsAScalarByItsJsonNameKeepingWhatJsonCannotHold() {
    PerformanceMetrics m =
        Inputs.equity(100, 101, 102).trades(trade(Side.LONG, 0, 1, 1, 0.01)).compute();

    assertThat(PerformanceMetrics.scalarNames()).containsExactlyElementsOf(m.toMap().keySet());
    assertThat(m.scalar("profit_factor")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.scalar("sqn")).isNaN();
    assertThat(m.scalar("trade_count")).isEqualTo(1.0);
    assertThatThrownBy(() -> m.scalar("sharpe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no scalar metric 'sharpe'");
  }

  @Test
  void rejectsInputItCannotMeasure() {
    assertThatThrownBy(() -> Inputs.equity().compute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> Inputs.equity(100, 101).close(1).compute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
    assertThatThrownBy(() -> Inputs.equity(100, 101).capital(0).compute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialCapital");
    assertThatThrownBy(() -> Inputs.equity(100, 101).times(T0 + 1, T0).compute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascend");
    assertThatThrownBy(() -> Inputs.equity(100, Double.NaN).compute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity[1]");
    assertThatThrownBy(() -> Inputs.equity(100, 101).riskFreeRate(-1).compute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("riskFreeRate");
    assertThatThrownBy(() -> Inputs.equity(100).zone(null).compute())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aMillionMinuteBars() {
    // 1,000,000 crypto minute bars from 2024-01-01 UTC reach 2025-11-25 (694.4 days): 23 months.
    int n = 1_000_000;
    double[] e = new double[n];
    boolean[] in = new boolean[n];
    long seed = 42;
    e[0] = 10_000;
    for (int i = 1; i < n; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      e[i] = e[i - 1] * (1 + ((seed >>> 11) * 0x1.0p-53 - 0.5) * 0.002);
      in[i] = (i / 1000) % 2 == 0;
    }
    Inputs input =
        Inputs.equity(e)
            .inMarket(in)
            .times(Inputs.spaced(T0, 60_000L, n))
            .market(MarketCalendar.CRYPTO, Interval.M1);
    MetricsInput built = input.build();
    for (int i = 0; i < 5; i++) { // warm up, so the timing below is of compiled code
      Metrics.compute(built);
    }
    long t = System.nanoTime();
    PerformanceMetrics m = Metrics.compute(built);
    long micros = (System.nanoTime() - t) / 1000;
    System.out.println("Metrics.compute over " + n + " bars: " + micros + " us");

    assertThat(m.monthlyReturns()).hasSize(23);
    assertThat(m.yearlyReturns()).extracting(YearlyReturn::year).containsExactly(2024, 2025);
    double compounded = 1;
    for (MonthlyReturn r : m.monthlyReturns()) {
      compounded *= 1 + r.value();
    }
    assertThat(compounded - 1).isCloseTo(m.totalReturn(), within(1e-9));
    assertThat(m.exposureTime()).isCloseTo(0.5, within(1e-3));
    assertThat(Arrays.stream(m.drawdown()).min().getAsDouble()).isEqualTo(m.maxDrawdown());
    // volatility per bar is about 0.002 / sqrt(12) = 0.000577; times sqrt(525600) = 0.419
    assertThat(m.annualizedVolatility()).isCloseTo(0.419, within(0.01));
  }
}
