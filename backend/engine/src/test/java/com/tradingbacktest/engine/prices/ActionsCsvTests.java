package com.tradingbacktest.engine.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.prices.CorporateAction.CashDividend;
import com.tradingbacktest.engine.prices.CorporateAction.Halt;
import com.tradingbacktest.engine.prices.CorporateAction.Split;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActionsCsvTests {

  @Test
  void readsSplitsDividendsAndHaltsInDateOrder() {
    CorporateActions actions =
        ActionsCsv.parse(
            "\uFEFF"
                + """
                Date,Type,Value,End_Date
                2024-04-16,dividend,361,
                2018-05-04,split,50:1,

                2018-04-30,halt,,2018-05-03
                20200102,SPLIT,1:10
                2021/06/01,split,3
                2022.01.03,halt,,
                """
                    .replace("\n", "\r\n"));

    assertThat(actions.actions())
        .containsExactly(
            new Halt(LocalDate.of(2018, 4, 30), LocalDate.of(2018, 5, 3)),
            new Split(LocalDate.of(2018, 5, 4), 50),
            new Split(LocalDate.of(2020, 1, 2), 0.1),
            new Split(LocalDate.of(2021, 6, 1), 3),
            new Halt(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 3)),
            new CashDividend(LocalDate.of(2024, 4, 16), 361));
  }

  @Test
  void theColumnsMayComeInAnyOrderAndEndDateMayBeLeftOut() {
    CorporateActions actions =
        ActionsCsv.parse(
            "type,value,date\ndividend,0.24,2024-02-09\n\"dividend\",\"1,444\",\"2024-04-16\"\n");

    assertThat(actions.actions())
        .containsExactly(
            new CashDividend(LocalDate.of(2024, 2, 9), 0.24),
            new CashDividend(LocalDate.of(2024, 4, 16), 1444));
  }

  @Test
  void theHeaderMayBeLeftOutWhenTheColumnsAreInItsOrder() {
    CorporateActions actions =
        ActionsCsv.parse("2024-01-05,dividend,2\n2024-01-02,halt,,2024-01-03\n");
    assertThat(actions.actions())
        .containsExactly(
            new CorporateAction.Halt(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)),
            new CorporateAction.CashDividend(LocalDate.of(2024, 1, 5), 2));
    assertThatThrownBy(() -> ActionsCsv.parse("2024-01-05,dividend,2\n2024-01-06,bonus,1\n"))
        .hasMessageStartingWith("line 2: ");
  }

  @Test
  void namesTheLineOfEachMistake() {
    String header = "date,type,value,end_date\n2024-01-02,split,2,\n";
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-13-01,split,2,\n"))
        .hasMessageStartingWith("line 3: date '2024-13-01' is not a date");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-01,merger,2,\n"))
        .hasMessageStartingWith("line 3: unknown type 'merger'");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-01,split,0:1,\n"))
        .hasMessageStartingWith("line 3: split ratio '0:1' must be above 0");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-01,split,-2,\n"))
        .hasMessageStartingWith("line 3: split ratio '-2' must be above 0");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-01,split,two,\n"))
        .hasMessageStartingWith("line 3: split ratio 'two' is not a number");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-01,dividend,-0.5,\n"))
        .hasMessageStartingWith("line 3: dividend -0.5 is negative");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-01,dividend,NaN,\n"))
        .hasMessageStartingWith("line 3: dividend 'NaN' is not a number");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-05,halt,,2024-02-01\n"))
        .hasMessageStartingWith("line 3: end_date 2024-02-01 is before date 2024-02-05");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-02-05,halt,,2024-02-07,x\n"))
        .hasMessageStartingWith("line 3: 5 fields, more than the header's 4");
    assertThatThrownBy(() -> ActionsCsv.parse(header + "2024-01-02,split,3,\n"))
        .hasMessageContaining("two splits go ex on 2024-01-02");
  }

  @Test
  void refusesAHeaderWithOtherColumnsOrWithoutTheNeededOnes() {
    assertThatThrownBy(() -> ActionsCsv.parse("date,type,value,end_date,source\n"))
        .hasMessage("line 1: unknown column 'source'; the header is date,type,value,end_date");
    assertThatThrownBy(() -> ActionsCsv.parse("\n\ndate,value\n"))
        .hasMessage("line 3: no 'type' column; the header is date,type,value,end_date");
    assertThatThrownBy(() -> ActionsCsv.parse("date,type,type,value\n"))
        .hasMessageContaining("column 'type' twice");
    assertThatThrownBy(() -> ActionsCsv.parse("  \n"))
        .hasMessageContaining("the actions file is empty");
  }

  @Test
  void refusesMoreThanAHundredThousandRows() {
    StringBuilder csv = new StringBuilder("date,type,value\n");
    LocalDate day = LocalDate.of(1700, 1, 1);
    for (int i = 0; i <= ActionsCsv.MAX_ROWS; i++) {
      csv.append(day.plusDays(i)).append(",dividend,1\n");
    }

    assertThatThrownBy(() -> ActionsCsv.parse(csv.toString()))
        .hasMessage("line 100002: more than 100000 actions; split the file");
    csv.setLength(csv.length() - "1700-01-01,dividend,1\n".length());
    assertThat(ActionsCsv.parse(csv.toString()).actions()).hasSize(ActionsCsv.MAX_ROWS);
  }
}
