package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumesTests {

  @Test
  void addsDecimalQuantitiesToTheDecimalTheyMake() {
    assertThat(0.1 + 0.2).as("the noise this removes").isNotEqualTo(0.3);
    assertThat(Volumes.add(0.1, 0.2)).isEqualTo(0.3);
    assertThat(Volumes.add(434.65381903, 0.00000001)).hasToString("434.65381904");
  }

  @Test
  void aLongSumOfSmallQuantitiesDoesNotDrift() {
    double plain = 0;
    double tidy = 0;
    for (int i = 0; i < 100_000; i++) {
      plain += 0.00012345;
      tidy = Volumes.add(tidy, 0.00012345);
    }
    assertThat(plain).as("the drift of a plain sum").isNotEqualTo(12.345);
    assertThat(tidy).isEqualTo(12.345);
  }

  @Test
  void wholeSharesAndSumsTooLargeForEightDecimalsAreLeftAsAdded() {
    assertThat(Volumes.add(17_142_847, 21_753_644)).isEqualTo(38_896_491);
    assertThat(Volumes.add(3e9, 0.123456789)).isEqualTo(3e9 + 0.123456789);
    assertThat(Volumes.add(1, 0.123456789)).as("digits past the eighth go").isEqualTo(1.12345679);
  }
}
