package com.tradingbacktest.engine.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random closes, splits and dividends: the bases agree with each other as they must. */
class PriceAdjusterPropertyTests {

  private static final LocalDate D1 = LocalDate.of(2010, 1, 4);
  private static final double[] RATIOS = {2, 3, 5, 10, 50, 0.5, 0.1, 1.5};

  @Property(tries = 300)
  void everyBasisIsTheSameSeriesSeenThroughTheActions(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
    Random random = new Random(seed);
    double[] close = new double[n];
    List<CorporateAction> actions = new ArrayList<>();
    double price = 1 + random.nextDouble() * 1000;
    for (int i = 0; i < n; i++) {
      if (i > 0 && random.nextInt(6) == 0) {
        double ratio = RATIOS[random.nextInt(RATIOS.length)];
        actions.add(new CorporateAction.Split(D1.plusDays(i), ratio));
        price /= ratio;
      }
      if (i > 0 && random.nextInt(5) == 0) {
        // Per share as traded on the ex-date: below the close before it, in its shares.
        actions.add(
            new CorporateAction.CashDividend(D1.plusDays(i), price * random.nextDouble() * 0.3));
      }
      price *= Math.exp((random.nextDouble() - 0.5) * 0.1);
      close[i] = price;
    }
    CorporateActions all = new CorporateActions(actions);
    BarSeries raw = Bars.closes(D1, close);

    BarSeries split =
        PriceAdjuster.adjust(raw, PriceBasis.RAW, all, PriceBasis.SPLIT_ADJUSTED, true);
    BarSeries back =
        PriceAdjuster.adjust(split, PriceBasis.SPLIT_ADJUSTED, all, PriceBasis.RAW, true);
    BarSeries total = PriceAdjuster.adjust(raw, PriceBasis.RAW, all, PriceBasis.TOTAL_RETURN, true);
    BarSeries totalFromSplit =
        PriceAdjuster.adjust(split, PriceBasis.SPLIT_ADJUSTED, all, PriceBasis.TOTAL_RETURN, true);

    // The last bar has no dividend after it: total return and split-adjusted meet there.
    assertThat(total.close()[n - 1]).isEqualTo(split.close()[n - 1]);
    for (int i = 0; i < n; i++) {
      assertThat(back.close()[i]).isCloseTo(close[i], within(close[i] * 1e-12));
      assertThat(totalFromSplit.close()[i])
          .isCloseTo(total.close()[i], within(total.close()[i] * 1e-12));
      if (i == 0) {
        continue;
      }
      // Split-adjusted, a split is no jump: the raw move times the split's ratio.
      double ratio = 1;
      double dividend = split.events().dividendAt(i);
      for (CorporateAction.Split s : all.splits()) {
        ratio *= s.exDate().equals(D1.plusDays(i)) ? s.ratio() : 1;
      }
      assertThat(split.close()[i] / split.close()[i - 1])
          .isCloseTo(close[i] / close[i - 1] * ratio, within(1e-9));
      // Total return: the move of the split-adjusted close over the close less the dividend.
      assertThat(total.close()[i] / total.close()[i - 1])
          .isCloseTo(split.close()[i] / (split.close()[i - 1] - dividend), within(1e-9));
      // Raw dividends are the split-adjusted ones times the splits still to come.
      assertThat(back.events().dividendAt(i) / raw.close()[i])
          .isCloseTo(dividend / split.close()[i], within(1e-9));
    }
  }
}
