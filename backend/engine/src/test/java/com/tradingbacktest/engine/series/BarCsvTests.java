package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BarCsvTests {

  @Test
  void readsPlainDecimalsToTheSameDoubleAsParseDouble() {
    Random random = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      String text =
          switch (i % 4) {
            case 0 -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 100_000);
            case 1 -> String.format(Locale.ROOT, "%.8f", random.nextDouble());
            case 2 -> Long.toString(random.nextLong() >>> (1 + random.nextInt(40)));
            default -> random.nextInt(1_000_000) + "." + random.nextInt(1000);
          };
      double fast = DecimalText.plainDecimal(text);
      if (!Double.isNaN(fast)) {
        assertThat(fast).as(text).isEqualTo(Double.parseDouble(text));
      }
    }
    assertThat(DecimalText.plainDecimal("78200")).isEqualTo(78200);
    assertThat(DecimalText.plainDecimal("-0.5")).isEqualTo(-0.5);
    assertThat(DecimalText.plainDecimal(".5")).isEqualTo(0.5);
    assertThat(DecimalText.plainDecimal("0.00000001")).isEqualTo(1e-8);
  }

  @Test
  void leavesEverythingElseToTheGeneralPath() {
    // Too many digits for an exact integer, an exponent, two points, words, nothing: not read here.
    for (String text :
        List.of(
            "12345678901234567890",
            "9007199254740993",
            "1e5",
            "1.2.3",
            "NaN",
            "0x10",
            "",
            "-",
            ".",
            "1,000")) {
      assertThat(DecimalText.plainDecimal(text)).as(text).isNaN();
    }
  }

  @Test
  void parsesEveryKindOfNumberAParserMeets() throws IOException {
    List<BarCsv.Row> rows = new ArrayList<>();
    List<BarCsv.Problem> problems = new ArrayList<>();
    BarCsv.parse(
        new BufferedReader(
            new StringReader(
                """
        date;open;high;low;close;volume
        2024-01-02;"78,200";"79,000";"77,900";"78,500";1.5e3
        2024-01-03;12345678901234567890;12345678901234567891;12345678901234567889;12345678901234567890;0
        2024-01-04;0x10;1;1;1;1
        """)),
        ZoneOffset.UTC,
        new BarCsv.Handler() {
          @Override
          public void row(BarCsv.Row row) {
            rows.add(row);
          }

          @Override
          public void problem(BarCsv.Problem problem) {
            problems.add(problem);
          }
        });

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).open()).isEqualTo(78_200);
    assertThat(rows.get(0).volume()).isEqualTo(1500);
    assertThat(rows.get(1).high()).isEqualTo(Double.parseDouble("12345678901234567891"));
    assertThat(problems).containsExactly(new BarCsv.Problem(4, "open '0x10' is not a number"));
  }

  @Test
  void readsAnAdjCloseAndAHaltedColumnWhenTheFileHasThem() throws IOException {
    List<BarCsv.Row> rows = new ArrayList<>();
    List<BarCsv.Problem> problems = new ArrayList<>();
    BarCsv.Handler handler = collect(rows, problems);
    BarCsv.parse(
        new BufferedReader(
            new StringReader(
                """
                Date,Open,High,Low,Close,Adj Close,Volume,Halted
                2024-01-02,10,11,9,10,9.5,100,false
                2024-01-03,10,10,10,10,,0,Y
                2024-01-04,10,11,9,10,9.8,100
                2024-01-05,10,11,9,10,-1,100,0
                2024-01-08,10,11,9,10,9.8,100,maybe
                2024-01-09,10,11,9,10,null,100,1
                """)),
        ZoneOffset.UTC,
        handler);

    assertThat(rows).hasSize(4);
    assertThat(rows.get(3).adjClose()).isNaN();
    assertThat(rows.get(3).halted()).isTrue();
    assertThat(rows.get(0).adjClose()).isEqualTo(9.5);
    assertThat(rows.get(0).halted()).isFalse();
    assertThat(rows.get(1).adjClose()).isNaN();
    assertThat(rows.get(1).halted()).isTrue();
    assertThat(rows.get(2).adjClose()).isEqualTo(9.8);
    assertThat(rows.get(2).halted()).isFalse();
    assertThat(problems)
        .containsExactly(
            new BarCsv.Problem(5, "adj close '-1' is not a positive number"),
            new BarCsv.Problem(6, "halted 'maybe' is not true/false, 1/0 or Y/N"));
  }

  @Test
  void withoutThoseColumnsARowHasNoAdjCloseAndIsNotHalted() throws IOException {
    List<BarCsv.Row> rows = new ArrayList<>();
    BarCsv.parse(
        new BufferedReader(
            new StringReader("date,open,high,low,close,adj_close\n2024-01-02,10,11,9,10,9\n")),
        ZoneOffset.UTC,
        collect(rows, new ArrayList<>()));
    BarCsv.parse(
        new BufferedReader(new StringReader("date,open,high,low,close\n2024-01-02,10,11,9,10\n")),
        ZoneOffset.UTC,
        collect(rows, new ArrayList<>()));

    assertThat(rows.get(0).adjClose()).isEqualTo(9);
    assertThat(rows.get(1).adjClose()).isNaN();
    assertThat(rows.get(1).halted()).isFalse();
    assertThat(rows.get(1)).isEqualTo(new BarCsv.Row(2, rows.get(1).time(), 10, 11, 9, 10, 0));
  }

  private static BarCsv.Handler collect(List<BarCsv.Row> rows, List<BarCsv.Problem> problems) {
    return new BarCsv.Handler() {
      @Override
      public void row(BarCsv.Row row) {
        rows.add(row);
      }

      @Override
      public void problem(BarCsv.Problem problem) {
        problems.add(problem);
      }
    };
  }
}
