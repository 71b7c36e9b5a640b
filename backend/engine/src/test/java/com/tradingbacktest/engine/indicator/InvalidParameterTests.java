package com.tradingbacktest.engine.indicator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidParameterTests {

  private static final double[] X = new double[50];
  private static final double[] SHORT = new double[49];

  static Stream<Arguments> invalidCalls() {
    return Stream.of(
        invalid(() -> Indicators.sma(X, 0), "sma length must be >= 1, got 0"),
        invalid(() -> Indicators.ema(X, -3), "ema length must be >= 1, got -3"),
        invalid(() -> Indicators.rma(X, 0), "rma length must be >= 1, got 0"),
        invalid(() -> Indicators.wma(X, 0), "wma length must be >= 1, got 0"),
        invalid(() -> Indicators.dema(X, 0), "dema length must be >= 1, got 0"),
        invalid(() -> Indicators.tema(X, 0), "tema length must be >= 1, got 0"),
        invalid(() -> Indicators.kama(X, 1), "kama length must be >= 2, got 1"),
        invalid(
            () -> Indicators.sma(X, 100_001),
            "sma length must be <= 100000 (TA-Lib's limit), got 100001"),
        invalid(() -> Indicators.rsi(X, 1), "rsi length must be >= 2, got 1"),
        invalid(() -> Indicators.macd(X, 1, 26, 9), "macd fast must be >= 2, got 1"),
        invalid(() -> Indicators.macd(X, 12, 26, 1), "macd signal must be >= 2, got 1"),
        invalid(
            () -> Indicators.macd(X, 26, 12, 9),
            "macd fast must be < slow, got fast 26 and slow 12"),
        invalid(() -> Indicators.bollinger(X, 1, 2), "bollinger length must be >= 2, got 1"),
        invalid(
            () -> Indicators.bollinger(X, 20, Double.NaN),
            "bollinger k must be finite and >= 0, got NaN"),
        invalid(
            () -> Indicators.bollinger(X, 20, Double.POSITIVE_INFINITY),
            "bollinger k must be finite and >= 0, got Infinity"),
        invalid(
            () -> Indicators.bollinger(X, 20, -1), "bollinger k must be finite and >= 0, got -1.0"),
        invalid(() -> Indicators.stddev(X, 1), "stddev length must be >= 2, got 1"),
        invalid(() -> Indicators.atr(X, X, X, 0), "atr length must be >= 1, got 0"),
        invalid(() -> Indicators.natr(X, X, X, 0), "natr length must be >= 1, got 0"),
        invalid(() -> Indicators.adx(X, X, X, 1), "adx length must be >= 2, got 1"),
        invalid(() -> Indicators.plusDi(X, X, X, 1), "plusDi length must be >= 2, got 1"),
        invalid(() -> Indicators.minusDi(X, X, X, 1), "minusDi length must be >= 2, got 1"),
        invalid(() -> Indicators.cci(X, X, X, 1), "cci length must be >= 2, got 1"),
        invalid(
            () -> Indicators.stochastic(X, X, X, 0, 3, 3),
            "stochastic kLength must be >= 1, got 0"),
        invalid(
            () -> Indicators.stochastic(X, X, X, 14, 0, 3),
            "stochastic kSmoothing must be >= 1, got 0"),
        invalid(
            () -> Indicators.stochastic(X, X, X, 14, 3, 0),
            "stochastic dLength must be >= 1, got 0"),
        invalid(() -> Indicators.stochRsi(X, 1, 14, 3), "stochRsi rsiLength must be >= 2, got 1"),
        invalid(() -> Indicators.stochRsi(X, 14, 0, 3), "stochRsi kLength must be >= 1, got 0"),
        invalid(() -> Indicators.williamsR(X, X, X, 1), "williamsR length must be >= 2, got 1"),
        invalid(() -> Indicators.mom(X, 0), "mom length must be >= 1, got 0"),
        invalid(() -> Indicators.roc(X, 0), "roc length must be >= 1, got 0"),
        invalid(() -> Indicators.mfi(X, X, X, X, 1), "mfi length must be >= 2, got 1"),
        invalid(
            () -> Indicators.parabolicSar(X, X, 0, 0.2),
            "parabolicSar acceleration must be finite and > 0, got 0.0"),
        invalid(
            () -> Indicators.parabolicSar(X, X, 0.02, 0.01),
            "parabolicSar maximum must be finite and >= acceleration (0.02), got 0.01"),
        invalid(() -> Indicators.aroon(X, X, 1), "aroon length must be >= 2, got 1"),
        invalid(
            () -> Indicators.aroonOscillator(X, X, 1),
            "aroonOscillator length must be >= 2, got 1"),
        invalid(() -> Indicators.highest(X, 0), "highest length must be >= 1, got 0"),
        invalid(() -> Indicators.lowest(X, 0), "lowest length must be >= 1, got 0"),
        invalid(
            () -> Indicators.atr(X, X, SHORT, 14),
            "atr: high, low and close must have the same length, got 50, 50, 49"),
        invalid(
            () -> Indicators.mfi(X, X, X, SHORT, 14),
            "mfi: high, low, close and volume must have the same length, got 50, 50, 50, 49"),
        invalid(
            () -> Indicators.obv(X, SHORT),
            "obv: close and volume must have the same length, got 50, 49"),
        invalid(
            () -> Indicators.aroon(SHORT, X, 14),
            "aroon: high and low must have the same length, got 49, 50"),
        invalid(
            () -> Indicators.stochastic(X, SHORT, X, 14, 3, 3),
            "stochastic: high, low and close must have the same length, got 50, 49, 50"));
  }

  private static Arguments invalid(ThrowingCallable call, String message) {
    return Arguments.of(message, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCalls")
  void invalidParametersAndMismatchedColumnsThrowWithAClearMessage(
      String message, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullCalls")
  void nullColumnsAreRejected(String name, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessageContaining(name);
  }

  static Stream<Arguments> nullCalls() {
    return Stream.of(
        Arguments.of("sma", (ThrowingCallable) () -> Indicators.sma(null, 3)),
        Arguments.of("sma", (ThrowingCallable) () -> Indicators.sma(null, 1)),
        Arguments.of("atr", (ThrowingCallable) () -> Indicators.atr(X, null, X, 3)),
        Arguments.of("highest", (ThrowingCallable) () -> Indicators.highest(null, 3)),
        Arguments.of("crossover", (ThrowingCallable) () -> Crosses.crossover(null, X)));
  }
}
