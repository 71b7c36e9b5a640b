package com.tradingbacktest.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketRulesTests {

  @Test
  void krxRulesHavePriceLimitsOnByDefaultAndNoneHasNothing() {
    MarketRules krx = MarketRules.krx(Board.KOSDAQ);
    assertThat(krx.priceLimits()).isTrue();
    assertThat(krx.isKrx()).isTrue();
    assertThat(krx.withPriceLimits(false)).isEqualTo(new MarketRules(Board.KOSDAQ, false));
    assertThat(MarketRules.none().isNone()).isTrue();
    assertThat(MarketRules.none().priceLimits()).isFalse();
    // Outside KRX there are no limits to switch on.
    assertThat(MarketRules.none().withPriceLimits(true)).isEqualTo(MarketRules.none());
    assertThatThrownBy(() -> new MarketRules(null, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
