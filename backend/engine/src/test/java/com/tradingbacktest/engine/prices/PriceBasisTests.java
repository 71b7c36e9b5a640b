package com.tradingbacktest.engine.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.prices.CorporateAction.CashDividend;
import com.tradingbacktest.engine.prices.CorporateAction.Halt;
import com.tradingbacktest.engine.prices.CorporateAction.Split;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBasisTests {

  @Test
  void parsesItsCodesInAnyCaseAndNamesThemWhenWrong() {
    assertThat(PriceBasis.parse(" Split_Adjusted ")).isEqualTo(PriceBasis.SPLIT_ADJUSTED);
    assertThat(PriceBasis.parse("raw").code()).isEqualTo("raw");
    assertThat(PriceBasis.TOTAL_RETURN.code()).isEqualTo("total_return");
    assertThatThrownBy(() -> PriceBasis.parse("adjusted"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown price basis 'adjusted': expected one of raw, split_adjusted, total_return");
  }

  @Test
  void actionsAreSortedAndChecked() {
    LocalDate day = LocalDate.of(2024, 1, 2);
    CorporateActions actions =
        new CorporateActions(
            List.of(new Halt(day, day), new CashDividend(day, 1), new Split(day, 2)));

    assertThat(actions.actions())
        .containsExactly(new Split(day, 2), new CashDividend(day, 1), new Halt(day, day));
    assertThat(actions.splits()).containsExactly(new Split(day, 2));
    assertThat(actions.plus(CorporateActions.NONE)).isSameAs(actions);
    assertThatThrownBy(() -> new Split(day, 0)).hasMessageContaining("above 0");
    assertThatThrownBy(() -> new Split(day, Double.POSITIVE_INFINITY))
        .hasMessageContaining("above 0");
    assertThatThrownBy(() -> new CashDividend(day, -1)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new Halt(day, day.minusDays(1))).hasMessageContaining("before");
    assertThatThrownBy(() -> CorporateActions.of(new Split(day, 2), new Split(day, 5)))
        .hasMessageContaining("two splits go ex on 2024-01-02");
  }
}
