package com.tradingbacktest.engine.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tradingbacktest.engine.prices.CorporateAction.Split;
import com.tradingbacktest.engine.series.BarSeries;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitDetectorTests {

  private static final LocalDate D1 = LocalDate.of(2020, 8, 24);

  @Test
  void aTwoForOneInACsvWithoutActionsIsReportedWithRatioTwo() {
    // Closes at 500, then the next day opens at 252 (close before over open: 1.984).
    BarSeries bars =
        Bars.daily(
            D1,
            new double[][] {
              {498, 502, 495, 500, 10},
              {252, 256, 249, 255, 20},
              {255, 258, 252, 257, 20}
            });

    List<SuspectedSplit> suspects = SplitDetector.suspects(bars, CorporateActions.NONE);

    assertThat(suspects).hasSize(1);
    SuspectedSplit s = suspects.get(0);
    assertThat(s.date()).isEqualTo(D1.plusDays(1));
    assertThat(s.barIndex()).isEqualTo(1);
    assertThat(s.ratio()).isEqualTo(2);
    assertThat(s.priceRatio()).isCloseTo(500.0 / 252, within(1e-12));
  }

  @Test
  void samsungsFiftyToOneIsReportedAsFifty() {
    // 005930: 2,650,000 on 2018-04-27, trading halted 04-30..05-03, 53,000 on 05-04.
    BarSeries bars =
        Bars.daily(
            new LocalDate[] {LocalDate.of(2018, 4, 27), LocalDate.of(2018, 5, 4)},
            new double[][] {
              {2_600_000, 2_660_000, 2_590_000, 2_650_000, 300_000},
              {53_000, 53_900, 51_800, 51_900, 39_565_391}
            });

    List<SuspectedSplit> suspects = SplitDetector.suspects(bars, CorporateActions.NONE);

    assertThat(suspects)
        .containsExactly(new SuspectedSplit(LocalDate.of(2018, 5, 4), 1, 50, 2_650_000.0 / 53_000));
    // Known, it is not reported.
    CorporateActions known = CorporateActions.of(new Split(LocalDate.of(2018, 5, 4), 50));
    assertThat(SplitDetector.suspects(bars, known)).isEmpty();
  }

  @Test
  void anOrdinaryCrashIsNotASplit() {
    // Down 45% overnight: a ratio of 1.82, 9% from 2.
    BarSeries crash = Bars.closes(D1, 100, 55, 54);
    assertThat(SplitDetector.suspects(crash, CorporateActions.NONE)).isEmpty();
    // Down 30% (1.43) or up 35%: not whole ratios either.
    assertThat(SplitDetector.suspects(Bars.closes(D1, 100, 70, 94.5), CorporateActions.NONE))
        .isEmpty();
  }

  @Test
  void aReverseSplitIsReportedAsItsFraction() {
    BarSeries bars = Bars.closes(D1, 1.02, 10.1, 10.3);

    List<SuspectedSplit> suspects = SplitDetector.suspects(bars, CorporateActions.NONE);

    assertThat(suspects).hasSize(1);
    assertThat(suspects.get(0).ratio()).isCloseTo(0.1, within(1e-15));
  }

  @Test
  void aKnownSplitAFewDaysAwayExplainsTheJumpButOneOfAnotherRatioDoesNot() {
    BarSeries bars = Bars.closes(D1, 300, 100, 101);
    CorporateActions nearby = CorporateActions.of(new Split(D1.plusDays(4), 3));
    CorporateActions otherRatio = CorporateActions.of(new Split(D1.plusDays(1), 2));
    CorporateActions longAgo = CorporateActions.of(new Split(D1.minusDays(30), 3));

    assertThat(SplitDetector.suspects(bars, nearby)).isEmpty();
    assertThat(SplitDetector.suspects(bars, otherRatio))
        .extracting(SuspectedSplit::ratio)
        .containsExactly(3.0);
    assertThat(SplitDetector.suspects(bars, longAgo)).hasSize(1);
  }

  @Test
  void aCloseToCloseJumpCountsWhenTheOpenDoesNotShowIt() {
    // The open prints at the old price, the close at half of it.
    BarSeries bars = Bars.daily(D1, new double[][] {{100, 101, 99, 100, 1}, {100, 100, 49, 50, 1}});

    assertThat(SplitDetector.suspects(bars, CorporateActions.NONE))
        .extracting(SuspectedSplit::ratio)
        .containsExactly(2.0);
  }

  @Test
  void reportsAtMostAHundred() {
    double[] close = new double[301];
    for (int i = 0; i < close.length; i++) {
      close[i] = i % 2 == 0 ? 100 : 50;
    }
    assertThat(SplitDetector.suspects(Bars.closes(D1, close), CorporateActions.NONE))
        .hasSize(SplitDetector.MAX_SUSPECTS);
  }

  @Test
  void manyKnownSplitsAreLookedUpByDate() {
    // 100,000 jumps of 2, each explained by a known split on its day: every jump checked against
    // every split would be 10^10 comparisons.
    double[] close = new double[100_001];
    List<CorporateAction> splits = new ArrayList<>();
    for (int i = 0; i < close.length; i++) {
      close[i] = i % 2 == 0 ? 100 : 50;
      if (i > 0) {
        splits.add(new Split(D1.plusDays(i), i % 2 == 0 ? 0.5 : 2));
      }
    }
    BarSeries bars = Bars.closes(D1, close);
    CorporateActions known = new CorporateActions(splits);

    List<SuspectedSplit> suspects =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> SplitDetector.suspects(bars, known));

    assertThat(suspects).isEmpty();
  }
}
