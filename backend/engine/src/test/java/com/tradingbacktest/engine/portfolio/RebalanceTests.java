package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RebalanceTests {

  @Test
  void readsEveryScheduleAndWritesItBack() {
    for (String text : new String[] {"every_bar", "weekly", "monthly", "quarterly", "drift:0.05"}) {
      assertThat(Rebalance.parse(text).toString()).isEqualTo(text);
    }
    assertThat(Rebalance.parse(" Monthly ")).isEqualTo(Rebalance.MONTHLY);
    assertThat(Rebalance.parse("drift:0.05").driftBand()).isEqualTo(0.05);
  }

  @Test
  void refusesUnknownSchedulesAndBandsOutsideTheUnitInterval() {
    assertThatThrownBy(() -> Rebalance.parse("yearly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every_bar, weekly, monthly, quarterly or drift");
    assertThatThrownBy(() -> Rebalance.parse("drift:1.5"))
        .hasMessageContaining("drift band must be in (0, 1)");
    assertThatThrownBy(() -> Rebalance.parse("drift:x")).hasMessageContaining("must be a number");
    assertThatThrownBy(() -> new Rebalance(Rebalance.Frequency.MONTHLY, 0.1))
        .hasMessageContaining("drift schedule only");
  }
}
