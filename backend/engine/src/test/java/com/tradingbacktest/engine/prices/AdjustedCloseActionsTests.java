package com.tradingbacktest.engine.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.prices.CorporateAction.CashDividend;
import com.tradingbacktest.engine.prices.CorporateAction.Split;
import com.tradingbacktest.engine.series.BarCsv;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustedCloseActionsTests {

  /**
   * A broker's export with raw closes and an Adj Close that holds a 2-for-1 split going ex on 03-06
   * and a dividend of 1 (per new share) going ex on 03-08: adj = close / 2 x 0.98 before the split,
   * close x 0.98 until the dividend, the close after it.
   */
  private static final String CSV =
      """
      Date,Open,High,Low,Close,Adj Close,Volume
      2024-03-04,100,110,90,100,49.00,10
      2024-03-05,100,104,96,102,49.98,10
      2024-03-06,51,52,50,51,49.98,20
      2024-03-07,51,53,49,50,49.00,20
      2024-03-08,49,50,48,49,49.00,20
      2024-03-11,49,51,48,50,50.00,20
      """;

  @Test
  void findsTheSplitAndTheDividendAnAdjCloseColumnHolds() throws IOException {
    Read read = read(CSV);

    CorporateActions actions = AdjustedCloseActions.derive(read.bars, read.adjClose);

    assertThat(actions.splits()).containsExactly(new Split(LocalDate.of(2024, 3, 6), 2));
    assertThat(actions.dividends()).hasSize(1);
    CashDividend dividend = actions.dividends().get(0);
    assertThat(dividend.exDate()).isEqualTo(LocalDate.of(2024, 3, 8));
    // The close before the ex-date (50) x (1 - 0.98).
    assertThat(dividend.amount()).isCloseTo(1, within(1e-9));
    // Adjusting the raw bars by what was found gives the Adj Close back.
    BarSeries total =
        PriceAdjuster.adjust(read.bars, PriceBasis.RAW, actions, PriceBasis.TOTAL_RETURN, false);
    assertThat(total.close()).containsExactly(read.adjClose, within(1e-9));
  }

  @Test
  void splitAdjustedClosesGiveTheDividendsInTheirUnits() throws IOException {
    // Yahoo's own CSV: closes already split-adjusted, so only the dividend shows.
    Read read =
        read(
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-03-04,50,55,45,50,49.00,20
            2024-03-05,50,52,48,51,49.98,20
            2024-03-06,51,52,50,50,49.00,20
            2024-03-07,49,50,48,49,49.00,20
            """);

    CorporateActions actions = AdjustedCloseActions.derive(read.bars, read.adjClose);

    assertThat(actions.splits()).isEmpty();
    assertThat(actions.dividends()).hasSize(1);
    assertThat(actions.dividends().get(0).exDate()).isEqualTo(LocalDate.of(2024, 3, 7));
    assertThat(actions.dividends().get(0).amount()).isCloseTo(1, within(1e-9));
  }

  @Test
  void theRoundingOfPrintedPricesIsNoise() throws IOException {
    // Adj Close = close x 0.97 printed with two decimals: q moves by up to 1.5e-4 a day.
    Read read =
        read(
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-03-04,33.33,33.33,33.33,33.33,32.33,1
            2024-03-05,34.57,34.57,34.57,34.57,33.53,1
            2024-03-06,35.11,35.11,35.11,35.11,34.06,1
            2024-03-07,1.13,1.13,1.13,1.13,1.10,1
            2024-03-08,1.17,1.17,1.17,1.17,1.13,1
            """);

    CorporateActions actions = AdjustedCloseActions.derive(read.bars, read.adjClose);

    // 35.11 -> 1.13 is no split in the Adj Close (it fell as much): an ordinary crash.
    assertThat(actions.actions()).isEmpty();
  }

  @Test
  void aReverseSplitAndAMissingAdjCloseAreHandled() throws IOException {
    Read read =
        read(
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-03-04,1,1,1,1,10,1
            2024-03-05,10,10,10,10,10,1
            2024-03-06,10,10,10,10,,1
            2024-03-07,5,5,5,5,5,1
            """);

    CorporateActions actions = AdjustedCloseActions.derive(read.bars, read.adjClose);

    assertThat(actions.actions()).containsExactly(new Split(LocalDate.of(2024, 3, 5), 0.1));
    assertThatThrownBy(() -> AdjustedCloseActions.derive(read.bars, new double[2]))
        .hasMessage("2 adjusted closes for 4 bars");
  }

  private record Read(BarSeries bars, double[] adjClose) {}

  private static Read read(String csv) throws IOException {
    List<BarCsv.Row> rows = new ArrayList<>();
    BarCsv.parse(
        new BufferedReader(new StringReader(csv)),
        Bars.SEOUL,
        new BarCsv.Handler() {
          @Override
          public void row(BarCsv.Row row) {
            rows.add(row);
          }

          @Override
          public void problem(BarCsv.Problem problem) {
            throw new AssertionError(problem.toString());
          }
        });
    int n = rows.size();
    long[] t = new long[n];
    double[][] v = new double[6][n];
    for (int i = 0; i < n; i++) {
      BarCsv.Row r = rows.get(i);
      t[i] = r.time();
      v[0][i] = r.open();
      v[1][i] = r.high();
      v[2][i] = r.low();
      v[3][i] = r.close();
      v[4][i] = r.volume();
      v[5][i] = r.adjClose();
    }
    BarSeries bars =
        BarSeries.of(
            "X", Interval.D1, MarketCalendar.STOCK, Bars.SEOUL, t, v[0], v[1], v[2], v[3], v[4]);
    return new Read(bars, v[5]);
  }
}
