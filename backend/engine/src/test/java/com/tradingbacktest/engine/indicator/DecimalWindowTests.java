package com.tradingbacktest.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The building blocks of {@link DecimalWindow} against plain division and BigDecimal. */
class DecimalWindowTests {

  /**
   * Both division-free tests (the fused multiply-add one this machine uses, and the portable one
   * for a JVM without hardware FMA) answer "v is the double nearest k / scale" exactly when a
   * division says so, except on ties and 0, which they leave to the division.
   */
  @Test
  void theDivisionFreeTestsAgreeWithDivision() {
    Random random = new Random(18);
    int decimalsSeen = 0;
    for (int trial = 0; trial < 300_000; trial++) {
      int places = random.nextInt(9);
      double scale = Math.pow(10, places);
      long units = (long) Math.floor(Math.pow(10, 15 * random.nextDouble()));
      double v = units / scale;
      switch (trial % 3) {
        case 1 -> v = random.nextBoolean() ? Math.nextUp(v) : Math.nextDown(v); // one ulp off
        case 2 -> v = v * (1 + random.nextGaussian() * 1e-9); // no decimal
        default -> decimalsSeen++;
      }
      double k = Math.rint(v * scale);
      boolean nearest = k / scale == v;
      boolean tie =
          new BigDecimal(v)
                  .multiply(BigDecimal.valueOf(scale))
                  .subtract(new BigDecimal(k))
                  .abs()
                  .compareTo(new BigDecimal(Math.ulp(v) / 2 * scale))
              == 0;
      boolean expected = nearest && !tie && v != 0;
      assertThat(DecimalWindow.isNearestByFma(v, k, scale))
          .as("fma %s at %s", v, scale)
          .isEqualTo(expected);
      assertThat(DecimalWindow.isNearestBySplit(v, k, scale))
          .as("split %s at %s", v, scale)
          .isEqualTo(expected);
    }
    assertThat(decimalsSeen).isEqualTo(100_000);
  }

  @Test
  void integerDivisionIsCorrectlyRoundedBeyondTwoToThe53() {
    Random random = new Random(53);
    for (int trial = 0; trial < 20_000; trial++) {
      long numerator = random.nextLong() >> random.nextInt(12);
      long denominator = 1 + (random.nextLong() >>> (20 + random.nextInt(40)));
      double expected = Exact.nearest(new BigDecimal(numerator), new BigDecimal(denominator));
      assertThat(DecimalWindow.divide(numerator, denominator))
          .as("%d / %d", numerator, denominator)
          .isEqualTo(expected);
    }
    // A quotient exactly halfway between two doubles rounds to the even one: (2^54 + 2) / 2 is
    // 2^53 + 1, halfway between 2^53 and 2^53 + 2.
    assertThat(DecimalWindow.divide((1L << 54) + 2, 2)).isEqualTo(0x1p53);
    assertThat(DecimalWindow.divide(-(1L << 54) - 6, 2)).isEqualTo(-0x1p53 - 4);
  }
}
