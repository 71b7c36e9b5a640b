package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BlockStatsTests {

  @Test
  void cutsTheReturnsIntoBlocksWithTheFirstOnesOneLonger() {
    double[] returns = {1, 2, 3, 4, 5, 6, 7};

    BlockStats[] blocks = BlockStats.of(returns, 3);

    // 7 = 3 + 2 + 2: {1, 2, 3}, {4, 5}, {6, 7}.
    assertThat(blocks).extracting(BlockStats::count).containsExactly(3, 2, 2);
    assertThat(blocks[0]).isEqualTo(new BlockStats(3, 6, 14, 36, 98));
    assertThat(blocks[1]).isEqualTo(new BlockStats(2, 9, 41, 189, 881));
    assertThat(blocks[2]).isEqualTo(new BlockStats(2, 13, 85, 559, 3697));
    assertThat(BlockStats.total(blocks)).isEqualTo(new BlockStats(7, 28, 140, 784, 4676));
  }

  @Test
  void momentsOfTheSumsEqualThoseOfTheReturns() {
    double[] returns = {0.01, -0.02, 0.03, 0.005, -0.01, 0.04, -0.03, 0.002};
    // The population moments about the mean, computed directly.
    double mean = 0;
    for (double r : returns) {
      mean += r;
    }
    mean /= returns.length;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double r : returns) {
      double d = r - mean;
      m2 += d * d / returns.length;
      m3 += d * d * d / returns.length;
      m4 += d * d * d * d / returns.length;
    }

    BlockStats all = BlockStats.total(BlockStats.of(returns, 4));

    assertThat(all.sharpe()).isCloseTo(mean / Math.sqrt(m2), within(1e-12));
    assertThat(all.skewness()).isCloseTo(m3 / Math.pow(m2, 1.5), within(1e-9));
    assertThat(all.kurtosis()).isCloseTo(m4 / (m2 * m2), within(1e-9));
    // SciPy 1.17: skew(returns) = 0.182614..., kurtosis(returns, fisher=False) = 1.999161...
    assertThat(all.skewness()).isCloseTo(0.18261416081488865, within(1e-12));
    assertThat(all.kurtosis()).isCloseTo(1.9991609791710636, within(1e-12));
  }

  @Test
  void isUndefinedWithoutTwoReturnsOrWithoutVariation() {
    assertThat(BlockStats.of(new double[] {0.01}, 1)[0].sharpe()).isNaN();
    BlockStats flat = BlockStats.of(new double[] {0.001, 0.001, 0.001, 0.001, 0.001}, 1)[0];
    assertThat(flat.sharpe()).isNaN();
    assertThat(flat.skewness()).isNaN();
    assertThat(flat.kurtosis()).isNaN();
    assertThat(BlockStats.total(new BlockStats[0]).sharpe()).isNaN();
  }

  @Test
  void rejectsMoreBlocksThanReturns() {
    assertThatThrownBy(() -> BlockStats.of(new double[] {1, 2}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 returns into 3 blocks");
    assertThatThrownBy(() -> BlockStats.of(new double[] {1, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
