package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTests {

  @Test
  void aTieGoesToTheAlphabeticallyFirstNameWhateverTheCandidatesOrder() {
    // hlc4 is one edit from hlc3 (a changed letter) and from ohlc4 (a missing letter).
    assertThat(Suggest.closest("hlc4", List.of("ohlc4", "hlc3"))).isEqualTo("hlc3");
    assertThat(Suggest.closest("hlc4", List.of("hlc3", "ohlc4"))).isEqualTo("hlc3");
  }

  @Test
  void aCloserNameWinsOverAnAlphabeticallyEarlierOne() {
    assertThat(Suggest.closest("clsoe", List.of("clone", "close"))).isEqualTo("close");
  }

  @Test
  void nothingWithinTheEditBudgetSuggestsNothing() {
    assertThat(Suggest.closest("volatility", List.of("close", "volume"))).isNull();
  }
}
