package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticUniverseTests {

  private static final List<SyntheticUniverse.Series> SERIES = SyntheticUniverse.generate();
  private static final Map<String, SyntheticUniverse.Series> BY_TICKER =
      SERIES.stream().collect(Collectors.toMap(s -> s.spec().ticker(), Function.identity()));

  @Test
  void generatesTheSameBarsOnEveryCall() {
    List<SyntheticUniverse.Series> again = SyntheticUniverse.generate();
    for (int i = 0; i < SERIES.size(); i++) {
      assertThat(again.get(i).times()).isEqualTo(SERIES.get(i).times());
      assertThat(again.get(i).open()).isEqualTo(SERIES.get(i).open());
      assertThat(again.get(i).high()).isEqualTo(SERIES.get(i).high());
      assertThat(again.get(i).low()).isEqualTo(SERIES.get(i).low());
      assertThat(again.get(i).close()).isEqualTo(SERIES.get(i).close());
      assertThat(again.get(i).volume()).isEqualTo(SERIES.get(i).volume());
    }
  }

  @Test
  void keepsItsBarsAcrossVersionsAndMachines() {
    // Pinned so a change to the generator (or a JVM whose Random differs) is noticed: runs on the
    // synthetic sample are only comparable while its bars stay the same.
    assertThat(summary())
        .isEqualTo(
            """
            SYN-TECH 2595 304.17 0.297
            SYN-CHIP 2595 85.01 0.400
            SYN-BANK 2595 41.97 0.266
            SYN-ENERGY 2595 81.1 0.315
            SYN-HEALTH 2595 160.48 0.201
            SYN-STAPLE 2595 64.46 0.133
            SYN-BOND 2595 186.84 0.066
            SYN-GOLD 2595 173.14 0.137
            """);
  }

  @Test
  void saysEverywhereThatItIsSynthetic() {
    assertThat(SERIES).hasSize(8);
    for (SyntheticUniverse.Spec spec : SyntheticUniverse.SPECS) {
      assertThat(spec.ticker()).startsWith("SYN-");
      assertThat(spec.name()).startsWith("SYNTHETIC").contains("not a real security");
    }
    assertThat(SyntheticUniverse.SOURCE).isEqualTo("synthetic");
  }

  @Test
  void coversTenYearsOfWeekdaysWithValidBarsOnTheCentGrid() {
    for (SyntheticUniverse.Series s : SERIES) {
      assertThat(s.times()).hasSizeBetween(2_500, 2_620).isSorted();
      for (int t = 0; t < s.times().length; t++) {
        double o = s.open()[t];
        double c = s.close()[t];
        assertThat(s.high()[t]).isGreaterThanOrEqualTo(Math.max(o, c));
        assertThat(s.low()[t]).isLessThanOrEqualTo(Math.min(o, c)).isGreaterThan(0);
        assertThat(s.volume()[t]).isPositive();
        assertThat(Math.abs(c * 100 - Math.rint(c * 100))).isLessThan(1e-6);
      }
    }
  }

  @Test
  void hasDifferentVolatilitiesAndRealisticCorrelations() {
    double bond = annualVolatility("SYN-BOND");
    double staple = annualVolatility("SYN-STAPLE");
    double chip = annualVolatility("SYN-CHIP");
    assertThat(bond).isBetween(0.03, 0.12);
    assertThat(chip).isBetween(0.30, 0.60);
    assertThat(bond).isLessThan(staple);
    assertThat(staple).isLessThan(chip);
    // The two tech names share a sector factor on top of the market's.
    assertThat(correlation("SYN-TECH", "SYN-CHIP"))
        .isGreaterThan(0.45)
        .isGreaterThan(correlation("SYN-TECH", "SYN-BANK") + 0.1);
    assertThat(correlation("SYN-TECH", "SYN-BANK")).isBetween(0.2, 0.8);
    assertThat(correlation("SYN-BOND", "SYN-TECH")).isNegative();
    assertThat(Math.abs(correlation("SYN-GOLD", "SYN-BANK"))).isLessThan(0.2);
  }

  private static String summary() {
    StringBuilder out = new StringBuilder();
    for (SyntheticUniverse.Series s : SERIES) {
      int last = s.close().length - 1;
      out.append(s.spec().ticker())
          .append(' ')
          .append(s.close().length)
          .append(' ')
          .append(s.close()[last])
          .append(' ')
          .append(String.format(java.util.Locale.ROOT, "%.3f", annualVolatility(s.spec().ticker())))
          .append('\n');
    }
    return out.toString();
  }

  private static double[] returns(String ticker) {
    double[] close = BY_TICKER.get(ticker).close();
    double[] r = new double[close.length - 1];
    for (int i = 1; i < close.length; i++) {
      r[i - 1] = Math.log(close[i] / close[i - 1]);
    }
    return r;
  }

  private static double annualVolatility(String ticker) {
    double[] r = returns(ticker);
    double mean = java.util.Arrays.stream(r).average().orElseThrow();
    double var =
        java.util.Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / (r.length - 1);
    return Math.sqrt(var * 252);
  }

  private static double correlation(String a, String b) {
    double[] x = returns(a);
    double[] y = returns(b);
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
