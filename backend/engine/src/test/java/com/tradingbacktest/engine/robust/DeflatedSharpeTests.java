package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeflatedSharpeTests {

  private static final double EULER_GAMMA = 0.5772156649015329;

  @Test
  void reproducesThePapersNumericalExample() {
    // Bailey and Lopez de Prado (2014), "The Deflated Sharpe Ratio", J. Portfolio Management
    // 40(5), section "A numerical example": an annualised Sharpe ratio of 2.5 over five years of
    // daily returns (T = 1,250), skewness -3, kurtosis 10, found among N = 100 trials whose
    // annualised Sharpe ratios have a variance of 1/2. De-annualised with 250 days a year: SR =
    // 2.5 / sqrt(250) = 0.1581 and V = 0.5 / 250. The paper reports E[max SR] = 0.1132 per day
    // (about 1.79 annualised) and DSR = 0.9004.
    DeflatedSharpe dsr = DeflatedSharpe.of(2.5 / Math.sqrt(250), 100, 1_250, -3, 10, 0.5 / 250);

    assertThat(dsr.expectedMaxSharpe()).isCloseTo(0.1132, within(5e-5));
    assertThat(dsr.expectedMaxSharpe() * Math.sqrt(250)).isCloseTo(1.7894, within(5e-5));
    assertThat(dsr.probability()).isCloseTo(0.9004, within(5e-5));
    // The same to 40 digits in mpmath: 0.11317200186513203 and 0.900396834449391.
    assertThat(dsr.expectedMaxSharpe()).isCloseTo(0.11317200186513203, within(1e-12));
    assertThat(dsr.probability()).isCloseTo(0.900396834449391, within(1e-12));
  }

  @Test
  void matchesThePublishedFormulaOnHandPickedInputs() {
    // N = 50 trials with a Sharpe variance of 0.002, the best SR 0.1 per bar over T = 500 bars,
    // skewness -0.5, kurtosis 5. The standard normal quantiles, from tables (mpmath, 40 digits):
    //   Z^-1(1 - 1/50) = 2.0537489106318230, Z^-1(1 - 1/(50 e)) = 2.4393139538578947.
    double expectedMax =
        Math.sqrt(0.002)
            * ((1 - EULER_GAMMA) * 2.0537489106318230 + EULER_GAMMA * 2.4393139538578947);
    double z = (0.1 - expectedMax) * Math.sqrt(499) / Math.sqrt(1 + 0.5 * 0.1 + 4.0 / 4 * 0.01);
    // Z(z) for z = -0.0390..., from the same tables: 0.4844289697508661.

    DeflatedSharpe dsr = DeflatedSharpe.of(0.1, 50, 500, -0.5, 5, 0.002);

    assertThat(dsr.expectedMaxSharpe()).isCloseTo(expectedMax, within(1e-14));
    assertThat(dsr.expectedMaxSharpe()).isCloseTo(0.10179936908561905, within(1e-14));
    assertThat(z).isCloseTo(-0.0390, within(1e-4));
    assertThat(dsr.probability()).isCloseTo(0.4844289697508661, within(1e-12));
    assertThat(dsr)
        .extracting(
            DeflatedSharpe::trials,
            DeflatedSharpe::observations,
            DeflatedSharpe::skewness,
            DeflatedSharpe::kurtosis,
            DeflatedSharpe::trialSharpeVariance)
        .containsExactly(50L, 500L, -0.5, 5.0, 0.002);
  }

  @Test
  void oneTrialIsTheProbabilisticSharpeRatioAgainstZero() {
    // Normal returns (skew 0, kurtosis 3), SR 0.05 over 252 bars: Z(0.05 sqrt(251) /
    // sqrt(1 + 0.5 x 0.0025)) = Z(0.7917...) = 0.7857188754944227 (mpmath).
    DeflatedSharpe dsr = DeflatedSharpe.of(0.05, 1, 252, 0, 3, Double.NaN);

    assertThat(dsr.expectedMaxSharpe()).isZero();
    assertThat(dsr.probability()).isCloseTo(0.7857188754944227, within(1e-12));
  }

  @Test
  void theNormalDistributionMatchesTables() {
    assertThat(DeflatedSharpe.normal(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
    assertThat(DeflatedSharpe.inverseNormal(0.975)).isCloseTo(1.9599639845400543, within(1e-12));
    assertThat(DeflatedSharpe.inverseNormal(0.99)).isCloseTo(2.326347874040841, within(1e-12));
  }

  @Test
  void moreTrialsRaiseTheBarAndLowerTheProbability() {
    double few = DeflatedSharpe.of(0.1, 10, 500, 0, 3, 0.002).probability();
    double many = DeflatedSharpe.of(0.1, 10_000, 500, 0, 3, 0.002).probability();

    assertThat(DeflatedSharpe.expectedMaxSharpe(10_000, 0.002))
        .isGreaterThan(DeflatedSharpe.expectedMaxSharpe(10, 0.002));
    assertThat(many).isLessThan(few);
  }

  @Test
  void isNaNWhenAnInputIsUndefined() {
    assertThat(DeflatedSharpe.of(Double.NaN, 10, 500, 0, 3, 0.002).probability()).isNaN();
    assertThat(DeflatedSharpe.of(0.1, 10, 500, 0, 3, Double.NaN).probability()).isNaN();
    assertThat(DeflatedSharpe.of(0.1, 10, 1, 0, 3, 0.002).probability()).isNaN();
    assertThat(DeflatedSharpe.of(0.1, 10, 500, Double.NaN, 3, 0.002).probability()).isNaN();
    // 1 - skew SR + (kurt - 1) / 4 SR^2 = 1 - 20 x 0.1 + 0.5 / 4 x 0.01 < 0: no such sample.
    assertThat(DeflatedSharpe.of(0.1, 10, 500, 20, 1.5, 0.002).probability()).isNaN();
  }
}
