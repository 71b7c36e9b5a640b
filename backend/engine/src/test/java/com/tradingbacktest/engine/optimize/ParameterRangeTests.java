package com.tradingbacktest.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.lang.ParamSpec;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParameterRangeTests {

  @Test
  void countsWholeStepsUpToTheBoundInclusive() {
    assertThat(new ParameterRange("n", 2, 100, 2).count()).isEqualTo(50);
    assertThat(values(new ParameterRange("n", 1, 10, 4))).containsExactly(1, 5, 9);
    assertThat(values(new ParameterRange("n", 5, 5, 1))).containsExactly(5);
    assertThat(values(new ParameterRange("n", -1, 1, 0.5))).containsExactly(-1, -0.5, 0, 0.5, 1);
  }

  @Test
  void aRangeAcrossZeroHitsZeroExactly() {
    // -0.2 + 2 * 0.1 = 2.7755575615628914E-17 in binary; as typed it is 0.
    ParameterRange r = new ParameterRange("x", -0.2, 0.2, 0.1);

    assertThat(r.count()).isEqualTo(5);
    assertThat(r.value(2)).isEqualTo(0.0);
    assertThat(r.value(3)).isEqualTo(0.1);
  }

  @Test
  void keepsTheLastValueOfDecimalStepsAndPrintsThemAsTyped() {
    // (0.3 - 0.1) / 0.1 = 1.9999999999999998 and 0.1 + 2 * 0.1 = 0.30000000000000004 in binary.
    assertThat(values(new ParameterRange("k", 0.1, 0.3, 0.1))).containsExactly(0.1, 0.2, 0.3);
    assertThat(values(new ParameterRange("k", 0, 1, 0.1)))
        .containsExactly(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1);
    assertThat(values(new ParameterRange("k", 0.1, 1, 0.1))).hasSize(10).endsWith(0.9, 1.0);
    assertThat(values(new ParameterRange("k", 1.5, 2.2, 0.35))).containsExactly(1.5, 1.85, 2.2);
    assertThat(values(new ParameterRange("k", 0.01, 0.05, 0.01)))
        .containsExactly(0.01, 0.02, 0.03, 0.04, 0.05);
  }

  @Test
  void leavesValuesUnroundedWhereTwelveDigitsAreTooFewForTheStep() {
    ParameterRange r = new ParameterRange("big", 1e13, 1e13 + 2, 1);

    assertThat(values(r)).containsExactly(1e13, 1e13 + 1, 1e13 + 2);
  }

  @Test
  void rejectsRangesThatCannotBeSearched() {
    assertThatThrownBy(() -> new ParameterRange(" ", 1, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a parameter range needs a name");
    assertThatThrownBy(() -> new ParameterRange("n", 1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the step of n must be above 0, got 0.0");
    assertThatThrownBy(() -> new ParameterRange("n", 1, 2, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be above 0");
    assertThatThrownBy(() -> new ParameterRange("n", 3, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the range of n is empty: 3.0 is above 2.0");
    assertThatThrownBy(() -> new ParameterRange("n", Double.NaN, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> new ParameterRange("n", 0, Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> new ParameterRange("n", 0, 1e12, 1e-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the range of n has more than 2147483647 values; widen the step");
  }

  @Test
  void refusesIndicesOutsideTheRange() {
    ParameterRange r = new ParameterRange("n", 1, 3, 1);

    assertThatThrownBy(() -> r.value(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> r.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void takesTheRangeAndStepAStrategyDeclares() {
    ParamSpec spec =
        Fixtures.compile("param x = 10 in 2..100 step 2\nlong_entry = close > x").params().get(0);

    assertThat(ParameterRange.of(spec)).isEqualTo(new ParameterRange("x", 2, 100, 2));
  }

  @Test
  void defaultsTheStepToOneForWholeNumbersElseATenthOfTheRange() {
    assertThat(ParameterRange.of(new ParamSpec("n", 5, 1.0, 20.0, null, 1)).step()).isEqualTo(1);
    // A fractional default: a tenth of the range, eleven values.
    ParameterRange k = ParameterRange.of(new ParamSpec("k", 0.5, 0.0, 1.0, null, 1));
    assertThat(values(k)).containsExactly(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1);
    ParameterRange j = ParameterRange.of(new ParamSpec("j", 0.5, 0.1, 1.0, null, 1));
    assertThat(j.step()).isEqualTo(0.09);
    assertThat(j.count()).isEqualTo(11);
    assertThat(j.value(10)).isEqualTo(1.0);
    // A single value: any step will do, and a tenth of nothing would be no step at all.
    assertThat(values(ParameterRange.of(new ParamSpec("z", 0.5, 0.5, 0.5, null, 1))))
        .containsExactly(0.5);
  }

  @Test
  void refusesAParameterWithoutARange() {
    assertThatThrownBy(() -> ParameterRange.of(new ParamSpec("a", 3, null, null, null, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "parameter a has no range to search; declare one, as in 'param a = 10 in 2..100 step 2'");
  }

  private static double[] values(ParameterRange r) {
    return IntStream.range(0, r.count()).mapToDouble(r::value).toArray();
  }
}
