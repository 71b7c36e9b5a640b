package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.indicator.Crosses;
import com.tradingbacktest.engine.indicator.Indicators;
import com.tradingbacktest.engine.lang.FunctionSpec.Arg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every built-in function: its catalogue entry and its implementation. Implementations take whole
 * columns and return whole columns: {@code double[]}, {@code boolean[]}, or for several outputs a
 * {@code Map<String, double[]>} in field order.
 */
final class Builtins {

  /** Computes a call from its evaluated arguments. */
  interface Impl {
    Object apply(Args a);
  }

  /**
   * A rule between constant arguments the kinds alone cannot express (macd's fast below slow). Gets
   * the arguments with constants as {@code Double} and anything else (or unknown at compile time)
   * as null; returns what is wrong, or null.
   */
  interface Check {
    String problem(Object[] args);
  }

  /**
   * @param usesBars true when it reads the bars' high, low and close itself: then its value at bar
   *     i is not known at bar i's open
   */
  record Builtin(FunctionSpec spec, Impl impl, boolean usesBars, Check check) {}

  private static final Map<String, Builtin> ALL = new LinkedHashMap<>();

  static {
    // Moving averages
    ma(
        "sma",
        "Simple moving average: the mean of the last `length` values.",
        "단순 이동평균: 최근 length개 값의 평균.",
        "fast = sma(close, 10)",
        a -> Indicators.sma(a.series(0), a.length(1)));
    ma(
        "ema",
        "Exponential moving average, alpha = 2 / (length + 1), seeded with the SMA of the first `length` values.",
        "지수 이동평균 (alpha = 2 / (length + 1)), 첫 length개 값의 SMA로 시작.",
        "trend = ema(close, 50)",
        a -> Indicators.ema(a.series(0), a.length(1)));
    ma(
        "rma",
        "Wilder's smoothing (RMA), alpha = 1 / length, seeded with the SMA of the first `length` values: the average inside rsi and atr.",
        "와일더 평활 이동평균(RMA), alpha = 1 / length, 첫 length개 값의 SMA로 시작: rsi와 atr 내부의 평균.",
        "avg_gain = rma(max(change(close), 0), 14)",
        a -> Indicators.rma(a.series(0), a.length(1)));
    ma(
        "smma",
        "Smoothed moving average (SMMA): another name for rma, Wilder's smoothing.",
        "평활 이동평균(SMMA): rma(와일더 평활)의 다른 이름.",
        "s = smma(close, 14)",
        a -> Indicators.rma(a.series(0), a.length(1)));
    ma(
        "wma",
        "Weighted moving average: weights length, length-1, ..., 1 from the newest value.",
        "가중 이동평균: 최신 값부터 length, length-1, ..., 1의 가중치.",
        "w = wma(close, 20)",
        a -> Indicators.wma(a.series(0), a.length(1)));
    ma(
        "dema",
        "Double exponential moving average: 2 x EMA - EMA(EMA).",
        "이중 지수 이동평균: 2 x EMA - EMA(EMA).",
        "d = dema(close, 20)",
        a -> Indicators.dema(a.series(0), a.length(1)));
    ma(
        "tema",
        "Triple exponential moving average.",
        "삼중 지수 이동평균.",
        "t = tema(close, 20)",
        a -> Indicators.tema(a.series(0), a.length(1)));
    ma(
        "kama",
        "Kaufman adaptive moving average (fast 2, slow 30).",
        "카우프만 적응형 이동평균 (fast 2, slow 30).",
        "k = kama(close, 10)",
        a -> Indicators.kama(a.series(0), a.length(1)));

    // Oscillators
    add(
        "rsi",
        "oscillator",
        List.of(series("source"), length2("length", 14.0)),
        "number",
        "Relative strength index (Wilder), 0-100.",
        "상대강도지수 (와일더), 0-100.",
        "oversold = rsi(close, 14) < 30",
        a -> Indicators.rsi(a.series(0), a.length(1)));
    addFields(
        "macd",
        "oscillator",
        List.of(
            series("source"), length2("fast", 12.0), length2("slow", 26.0), length2("signal", 9.0)),
        List.of("macd", "signal", "histogram"),
        "MACD: fast EMA - slow EMA, its signal EMA, and their difference.",
        "MACD: 빠른 EMA - 느린 EMA, 시그널 EMA, 그리고 그 차이(히스토그램).",
        "long_entry = crossover(macd(close).macd, macd(close).signal)",
        a -> {
          var m = Indicators.macd(a.series(0), a.length(1), a.length(2), a.length(3));
          return fields("macd", m.macd(), "signal", m.signal(), "histogram", m.histogram());
        });
    addFields(
        "stoch",
        "oscillator",
        List.of(length("k", 14.0), length("k_smooth", 3.0), length("d", 3.0)),
        List.of("k", "d"),
        "Slow stochastic %K and %D of the bars' high, low and close, 0-100.",
        "봉의 고가·저가·종가로 계산한 스토캐스틱 %K와 %D, 0-100.",
        "long_entry = crossover(stoch().k, stoch().d)",
        a -> {
          var s =
              Indicators.stochastic(
                  a.bars().high(),
                  a.bars().low(),
                  a.bars().close(),
                  a.length(0),
                  a.length(1),
                  a.length(2),
                  a.checkpoint());
          return fields("k", s.k(), "d", s.d());
        });
    addFields(
        "stochrsi",
        "oscillator",
        List.of(series("source"), length2("rsi_length", 14.0), length("k", 14.0), length("d", 3.0)),
        List.of("k", "d"),
        "Stochastic RSI: the stochastic of the RSI, 0-100.",
        "스토캐스틱 RSI: RSI의 스토캐스틱, 0-100.",
        "s = stochrsi(close).k",
        a -> {
          var s =
              Indicators.stochRsi(
                  a.series(0), a.length(1), a.length(2), a.length(3), a.checkpoint());
          return fields("k", s.k(), "d", s.d());
        });
    bar(
        "willr",
        "oscillator",
        List.of(length2("length", 14.0)),
        "Williams %R, -100 to 0.",
        "윌리엄스 %R, -100 ~ 0.",
        "w = willr(14)",
        a ->
            Indicators.williamsR(
                a.bars().high(), a.bars().low(), a.bars().close(), a.length(0), a.checkpoint()));
    bar(
        "cci",
        "oscillator",
        List.of(length2("length", 20.0)),
        "Commodity channel index of the typical price.",
        "전형가격의 CCI(상품채널지수).",
        "c = cci(20)",
        a ->
            Indicators.cci(
                a.bars().high(), a.bars().low(), a.bars().close(), a.length(0), a.checkpoint()));
    add(
        "mom",
        "oscillator",
        List.of(series("source"), length("length", 10.0)),
        "number",
        "Momentum: source - source[length].",
        "모멘텀: source - source[length].",
        "up = mom(close, 10) > 0",
        a -> Indicators.mom(a.series(0), a.length(1)));
    add(
        "roc",
        "oscillator",
        List.of(series("source"), length("length", 10.0)),
        "number",
        "Rate of change in percent: (source / source[length] - 1) x 100.",
        "변화율(%): (source / source[length] - 1) x 100.",
        "r = roc(close, 20)",
        a -> Indicators.roc(a.series(0), a.length(1)));
    bar(
        "mfi",
        "oscillator",
        List.of(length2("length", 14.0)),
        "Money flow index, 0-100.",
        "자금흐름지수(MFI), 0-100.",
        "m = mfi(14)",
        a ->
            Indicators.mfi(
                a.bars().high(), a.bars().low(), a.bars().close(), a.bars().volume(), a.length(0)));

    // Trend and volatility
    bar(
        "atr",
        "volatility",
        List.of(length("length", 14.0)),
        "Average true range (Wilder).",
        "평균 실제 범위(ATR, 와일더).",
        "stop = close - 3 * atr(14)",
        a -> Indicators.atr(a.bars().high(), a.bars().low(), a.bars().close(), a.length(0)));
    bar(
        "natr",
        "volatility",
        List.of(length("length", 14.0)),
        "ATR as a percent of the close.",
        "종가 대비 ATR(%).",
        "n = natr(14)",
        a -> Indicators.natr(a.bars().high(), a.bars().low(), a.bars().close(), a.length(0)));
    bar(
        "tr",
        "volatility",
        List.of(),
        "True range: max(high, previous close) - min(low, previous close).",
        "실제 범위: max(고가, 전일 종가) - min(저가, 전일 종가).",
        "t = tr()",
        a -> Indicators.trueRange(a.bars().high(), a.bars().low(), a.bars().close()));
    addFields(
        "bbands",
        "volatility",
        List.of(series("source"), length2("length", 20.0), number("mult", 2.0)),
        List.of("upper", "middle", "lower"),
        "Bollinger Bands: SMA +- mult x population standard deviation.",
        "볼린저 밴드: SMA ± mult x 모표준편차.",
        "long_entry = close < bbands(close, 20, 2).lower",
        a -> {
          var b = Indicators.bollinger(a.series(0), a.length(1), a.number(2));
          return fields("upper", b.upper(), "middle", b.middle(), "lower", b.lower());
        });
    add(
        "stdev",
        "volatility",
        List.of(series("source"), length2("length", 20.0)),
        "number",
        "Population standard deviation of the last `length` values.",
        "최근 length개 값의 모표준편차.",
        "vol = stdev(close, 20)",
        a -> Indicators.stddev(a.series(0), a.length(1)));
    bar(
        "adx",
        "trend",
        List.of(length2("length", 14.0)),
        "Average directional index (Wilder), 0-100.",
        "평균 방향성 지수(ADX), 0-100.",
        "trending = adx(14) > 25",
        a -> Indicators.adx(a.bars().high(), a.bars().low(), a.bars().close(), a.length(0)));
    bar(
        "plus_di",
        "trend",
        List.of(length2("length", 14.0)),
        "+DI, the positive directional indicator.",
        "+DI 양의 방향성 지표.",
        "p = plus_di(14)",
        a -> Indicators.plusDi(a.bars().high(), a.bars().low(), a.bars().close(), a.length(0)));
    bar(
        "minus_di",
        "trend",
        List.of(length2("length", 14.0)),
        "-DI, the negative directional indicator.",
        "-DI 음의 방향성 지표.",
        "m = minus_di(14)",
        a -> Indicators.minusDi(a.bars().high(), a.bars().low(), a.bars().close(), a.length(0)));
    bar(
        "sar",
        "trend",
        List.of(number("accel", 0.02), number("max", 0.2)),
        "Parabolic SAR.",
        "파라볼릭 SAR.",
        "long_exit = close < sar()",
        a -> Indicators.parabolicSar(a.bars().high(), a.bars().low(), a.number(0), a.number(1)));
    addFields(
        "aroon",
        "trend",
        List.of(length2("length", 14.0)),
        List.of("up", "down"),
        "Aroon up and down, 0-100: how recently the highest high and lowest low occurred.",
        "아룬 업/다운, 0-100: 최고가·최저가가 얼마나 최근에 나왔는지.",
        "up = aroon(25).up > 70",
        a -> {
          var r = Indicators.aroon(a.bars().high(), a.bars().low(), a.length(0), a.checkpoint());
          return fields("up", r.up(), "down", r.down());
        });
    bar(
        "aroonosc",
        "trend",
        List.of(length2("length", 14.0)),
        "Aroon oscillator: up - down.",
        "아룬 오실레이터: 업 - 다운.",
        "a = aroonosc(25)",
        a ->
            Indicators.aroonOscillator(
                a.bars().high(), a.bars().low(), a.length(0), a.checkpoint()));
    bar(
        "obv",
        "volume",
        List.of(),
        "On-balance volume.",
        "OBV(누적 거래량 지표).",
        "rising_volume = obv() > obv()[5]",
        a -> Indicators.obv(a.bars().close(), a.bars().volume()));
    add(
        "highest",
        "rolling",
        List.of(series("source"), length("length")),
        "number",
        "The highest value of the last `length` bars, this one included.",
        "이번 봉을 포함한 최근 length개 봉의 최고값.",
        "long_entry = close > highest(high, 20)[1]",
        a -> Indicators.highest(a.series(0), a.length(1)));
    add(
        "lowest",
        "rolling",
        List.of(series("source"), length("length")),
        "number",
        "The lowest value of the last `length` bars, this one included.",
        "이번 봉을 포함한 최근 length개 봉의 최저값.",
        "long_exit = close < lowest(low, 10)[1]",
        a -> Indicators.lowest(a.series(0), a.length(1)));

    // Series functions
    add(
        "crossover",
        "signal",
        List.of(series("a"), series("b")),
        "bool",
        "True on the bar where a moves from at or below b to above it.",
        "a가 b 이하에서 b 위로 올라서는 봉에서 참.",
        "long_entry = crossover(sma(close, 10), sma(close, 30))",
        a ->
            a.isSeries(1)
                ? Crosses.crossover(a.series(0), a.series(1))
                : Crosses.crossover(a.series(0), a.number(1)));
    add(
        "crossunder",
        "signal",
        List.of(series("a"), series("b")),
        "bool",
        "True on the bar where a moves from at or above b to below it.",
        "a가 b 이상에서 b 아래로 내려서는 봉에서 참.",
        "long_exit = crossunder(rsi(close, 14), 70)",
        a ->
            a.isSeries(1)
                ? Crosses.crossunder(a.series(0), a.series(1))
                : Crosses.crossunder(a.series(0), a.number(1)));
    add(
        "change",
        "series",
        List.of(series("source"), length("length", 1.0)),
        "number",
        "source - source[length].",
        "변화량: source - source[length] (length봉 전 값과의 차이).",
        "up_day = change(close) > 0",
        a -> SeriesFunctions.change(a.series(0), a.length(1)));
    add(
        "rising",
        "series",
        List.of(series("source"), length("length", 1.0)),
        "bool",
        "True when source is above every one of its previous `length` values.",
        "source가 이전 length개 값 모두보다 클 때 참.",
        "up = rising(close, 3)",
        a -> SeriesFunctions.rising(a.series(0), a.length(1)));
    add(
        "falling",
        "series",
        List.of(series("source"), length("length", 1.0)),
        "bool",
        "True when source is below every one of its previous `length` values.",
        "source가 이전 length개 값 모두보다 작을 때 참.",
        "down = falling(close, 3)",
        a -> SeriesFunctions.falling(a.series(0), a.length(1)));
    add(
        "barssince",
        "series",
        List.of(boolSeries("condition")),
        "number",
        "Bars since the condition was last true (0 on a true bar); na before the first.",
        "조건이 마지막으로 참이었던 뒤 지난 봉 수 (참인 봉에서 0); 처음 참이 되기 전에는 na.",
        "fresh = barssince(crossover(close, sma(close, 50))) < 5",
        a -> SeriesFunctions.barssince(a.bools(0)));
    add(
        "valuewhen",
        "series",
        List.of(boolSeries("condition"), series("source"), number("occurrence", 0.0)),
        "number",
        "source at the bar where the condition was true, the `occurrence`-th most recent time (0 = last).",
        "조건이 참이었던 봉의 source 값 (occurrence = 0이면 가장 최근).",
        "last_low = valuewhen(crossunder(close, sma(close, 20)), low, 0)",
        a -> SeriesFunctions.valuewhen(a.bools(0), a.series(1), (int) a.number(2)));
    add(
        "nz",
        "math",
        List.of(series("source"), number("replacement", 0.0)),
        "number",
        "source with na replaced by `replacement`.",
        "source의 na를 replacement로 바꾼 값.",
        "v = nz(volume, 0)",
        a -> SeriesFunctions.nz(a.series(0), a.number(1)));
    math("abs", "Absolute value.", "절댓값.", "dist = abs(close - sma(close, 20))", Math::abs);
    math(
        "sqrt",
        "Square root (na for negative values).",
        "제곱근 (음수는 na).",
        "s = sqrt(252)",
        Math::sqrt);
    math(
        "log",
        "Natural logarithm (na for values <= 0).",
        "자연로그 (0 이하는 na).",
        "r = log(close / close[1])",
        v -> v > 0 ? Math.log(v) : Double.NaN);
    math("exp", "e to the power of the value.", "e의 거듭제곱.", "e = exp(1)", Math::exp);
    math(
        "round",
        "Rounds to the nearest whole number (halves away from zero).",
        "가장 가까운 정수로 반올림.",
        "r = round(close)",
        v -> Double.isNaN(v) ? v : Math.signum(v) * Math.floor(Math.abs(v) + 0.5));
    math(
        "floor",
        "The largest whole number not above the value.",
        "값 이하의 가장 큰 정수.",
        "f = floor(close)",
        Math::floor);
    math(
        "ceil",
        "The smallest whole number not below the value.",
        "값 이상의 가장 작은 정수.",
        "c = ceil(close)",
        Math::ceil);
    add(
        "min",
        "math",
        List.of(series("a"), series("b")),
        "number",
        "The smaller of a and b (na if either is na).",
        "a와 b 중 작은 값 (하나라도 na면 na).",
        "lo = min(open, close)",
        a -> SeriesFunctions.min(a.series(0), a.series(1)));
    add(
        "max",
        "math",
        List.of(series("a"), series("b")),
        "number",
        "The larger of a and b (na if either is na).",
        "a와 b 중 큰 값 (하나라도 na면 na).",
        "hi = max(open, close)",
        a -> SeriesFunctions.max(a.series(0), a.series(1)));
    add(
        "pow",
        "math",
        List.of(series("base"), series("exponent")),
        "number",
        "base to the power of exponent.",
        "base의 exponent 거듭제곱.",
        "p = pow(close / close[20], 2)",
        a -> SeriesFunctions.pow(a.series(0), a.series(1)));

    // Multi-output functions that read the bars themselves, and rules between arguments.
    refine("stoch", true, null);
    refine("aroon", true, null);
    refine(
        "macd",
        false,
        args -> {
          Double fast = num(args[1]);
          Double slow = num(args[2]);
          return fast != null && slow != null && fast >= slow
              ? "fast ("
                  + Compiler.fmt(fast)
                  + ") must be less than slow ("
                  + Compiler.fmt(slow)
                  + ")"
              : null;
        });
    refine(
        "bbands",
        false,
        args -> {
          Double mult = num(args[2]);
          return mult != null && !(mult >= 0 && mult <= 100)
              ? "mult must be from 0 to 100, got " + Compiler.fmt(mult)
              : null;
        });
    refine(
        "sar",
        true,
        args -> {
          Double accel = num(args[0]);
          Double max = num(args[1]);
          if (accel != null && !(accel > 0 && accel <= 1)) {
            return "accel must be above 0 and at most 1, got " + Compiler.fmt(accel);
          }
          if (max != null && !(max > 0 && max <= 1)) {
            return "max must be above 0 and at most 1, got " + Compiler.fmt(max);
          }
          return accel != null && max != null && accel > max
              ? "accel ("
                  + Compiler.fmt(accel)
                  + ") must not exceed max ("
                  + Compiler.fmt(max)
                  + ")"
              : null;
        });
    refine(
        "valuewhen",
        false,
        args -> {
          Double occurrence = num(args[2]);
          return occurrence != null
                  && !(occurrence >= 0
                      && occurrence <= Limits.MAX_LOOKBACK
                      && occurrence == Math.rint(occurrence))
              ? "occurrence must be a whole number from 0 to "
                  + Limits.MAX_LOOKBACK
                  + ", got "
                  + Compiler.fmt(occurrence)
              : null;
        });
  }

  private Builtins() {}

  static Builtin get(String name) {
    return ALL.get(name);
  }

  static List<FunctionSpec> specs() {
    List<FunctionSpec> specs = new ArrayList<>();
    ALL.values().forEach(b -> specs.add(b.spec()));
    return Collections.unmodifiableList(specs);
  }

  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  private static Arg series(String name) {
    return new Arg(name, "series", null, null);
  }

  private static Arg boolSeries(String name) {
    return new Arg(name, "bool series", null, null);
  }

  private static Arg length(String name) {
    return new Arg(name, "length", null, 1);
  }

  private static Arg length(String name, Double defaultValue) {
    return new Arg(name, "length", defaultValue, 1);
  }

  /** A length TA-Lib needs to be at least 2 (a one-bar RSI or deviation means nothing). */
  private static Arg length2(String name, Double defaultValue) {
    return new Arg(name, "length", defaultValue, 2);
  }

  private static Arg number(String name, Double defaultValue) {
    return new Arg(name, "number", defaultValue, null);
  }

  private static void ma(String name, String en, String ko, String example, Impl impl) {
    add(
        name,
        "moving average",
        List.of(series("source"), name.equals("kama") ? length2("length", null) : length("length")),
        "number",
        en,
        ko,
        example,
        impl);
  }

  private static void bar(
      String name,
      String category,
      List<Arg> params,
      String en,
      String ko,
      String example,
      Impl impl) {
    ALL.put(
        name,
        new Builtin(
            new FunctionSpec(
                name,
                category,
                params,
                "number",
                List.of(),
                en + " Uses the bars' high, low and close.",
                ko + " 봉의 고가·저가·종가를 사용.",
                example),
            impl,
            true,
            null));
  }

  private static void math(
      String name, String en, String ko, String example, java.util.function.DoubleUnaryOperator f) {
    add(
        name,
        "math",
        List.of(series("x")),
        "number",
        en,
        ko,
        example,
        a -> SeriesFunctions.map(a.series(0), f));
  }

  private static void add(
      String name,
      String category,
      List<Arg> params,
      String result,
      String en,
      String ko,
      String example,
      Impl impl) {
    ALL.put(
        name,
        new Builtin(
            new FunctionSpec(name, category, params, result, List.of(), en, ko, example),
            impl,
            false,
            null));
  }

  private static void addFields(
      String name,
      String category,
      List<Arg> params,
      List<String> fields,
      String en,
      String ko,
      String example,
      Impl impl) {
    ALL.put(
        name,
        new Builtin(
            new FunctionSpec(name, category, params, "fields", fields, en, ko, example),
            impl,
            false,
            null));
  }

  /**
   * Marks a registered built-in as reading the bars itself and/or adds a rule between its
   * arguments.
   */
  private static void refine(String name, boolean usesBars, Check check) {
    Builtin b = ALL.get(name);
    FunctionSpec spec = b.spec();
    if (usesBars && !spec.description().contains("Uses the bars'")) {
      spec =
          new FunctionSpec(
              spec.name(),
              spec.category(),
              spec.params(),
              spec.result(),
              spec.fields(),
              spec.description() + " Uses the bars' high, low and close.",
              spec.descriptionKo() + " 봉의 고가·저가·종가를 사용.",
              spec.example());
    }
    ALL.put(
        name,
        new Builtin(spec, b.impl(), usesBars || b.usesBars(), check != null ? check : b.check()));
  }

  private static Double num(Object v) {
    return v instanceof Double d ? d : null;
  }

  private static Map<String, double[]> fields(Object... namesAndColumns) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndColumns.length; i += 2) {
      m.put((String) namesAndColumns[i], (double[]) namesAndColumns[i + 1]);
    }
    return m;
  }
}
