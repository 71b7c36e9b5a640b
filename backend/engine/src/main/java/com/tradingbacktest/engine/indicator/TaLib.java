package com.tradingbacktest.engine.indicator;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Runs TA-Lib functions on bar-aligned columns and checks parameters; see the package documentation
 * for the conventions this implements.
 */
final class TaLib {

  /** TA-Lib rejects any period above this. */
  static final int MAX_PERIOD = 100_000;

  /**
   * Core's only fields are its unstable-period, candle and compatibility settings. The constructor
   * sets the defaults we want (EMA seeded by an SMA, no unstable period) and this private instance
   * is never reconfigured, so the functions only read it: sharing it between threads is safe
   * (publication through a static final field), and cheaper than a ThreadLocal lookup per call.
   */
  static final Core CORE = new Core();

  private TaLib() {}

  /** One TA-Lib call writing its outputs into {@code outs}, each from index 0. */
  @FunctionalInterface
  interface Call {
    RetCode run(
        int startIdx, int endIdx, MInteger outBegIdx, MInteger outNbElement, double[][] outs);
  }

  /** A TA-Lib function of one column and a period, such as {@link Core#sma}. */
  @FunctionalInterface
  interface OfColumn {
    RetCode call(
        int startIdx,
        int endIdx,
        double[] in,
        int period,
        MInteger outBegIdx,
        MInteger outNbElement,
        double[] out);
  }

  /** A TA-Lib function of high, low, close and a period, such as {@link Core#atr}. */
  @FunctionalInterface
  interface OfHighLowClose {
    RetCode call(
        int startIdx,
        int endIdx,
        double[] high,
        double[] low,
        double[] close,
        int period,
        MInteger outBegIdx,
        MInteger outNbElement,
        double[] out);
  }

  /**
   * Checks and runs a single-output function of one column and a length, the shape of most
   * indicators; the messages name {@code name}'s column "x" and parameter "length".
   *
   * @param lookback TA-Lib's lookback for a length, such as {@link Core#smaLookback}
   */
  static double[] ofColumn(
      String name,
      double[] x,
      int length,
      int minLength,
      IntUnaryOperator lookback,
      OfColumn function) {
    sameLength(name + ": x", x);
    period(name + " length", length, minLength);
    return run1(
        name,
        lookback.applyAsInt(length),
        (s, e, b, c, o) -> function.call(s, e, x, length, b, c, o[0]),
        x);
  }

  /** {@link #ofColumn} for a function of high, low and close. */
  static double[] ofHighLowClose(
      String name,
      double[] high,
      double[] low,
      double[] close,
      int length,
      int minLength,
      IntUnaryOperator lookback,
      OfHighLowClose function) {
    sameLength(name + ": high, low and close", high, low, close);
    period(name + " length", length, minLength);
    return run1(
        name,
        lookback.applyAsInt(length),
        (s, e, b, c, o) -> function.call(s, e, high, low, close, length, b, c, o[0]),
        high,
        low,
        close);
  }

  /** Outputs per chunk of {@link #chunked}: a check every few thousand bars. */
  static final int CHUNK = 4096;

  /**
   * Runs a single-output <em>window</em> function (each output reads only the inputs of its own
   * window, no running state carried from bar to bar) as {@link #run1} does, but in chunks of
   * {@code chunk} outputs with {@code between} run before every chunk after the first, so that a
   * long column can be cancelled midway. TA-Lib's output for {@code [startIdx, endIdx]} of such a
   * function is the same as that part of the whole column, bit for bit, so the result equals {@link
   * #run1}'s.
   */
  static double[] chunked(
      String name, int lookback, int chunk, Runnable between, Call call, double[]... inputs) {
    return chunked(name, 1, lookback, chunk, between, call, inputs)[0];
  }

  /** {@link #chunked(String, int, int, Runnable, Call, double[]...)} for several outputs. */
  static double[][] chunked(
      String name,
      int outputs,
      int lookback,
      int chunk,
      Runnable between,
      Call call,
      double[]... inputs) {
    if (lookback < 0) {
      throw new IllegalStateException("TA-Lib rejected the parameters of " + name);
    }
    int n = inputs[0].length;
    int start = firstAllFinite(inputs) + lookback;
    if (n - start <= chunk) {
      return run(name, outputs, lookback, call, inputs); // one chunk: the plain call
    }
    double[][] outs = new double[outputs][n];
    for (double[] out : outs) {
      Arrays.fill(out, 0, start, Double.NaN);
    }
    double[][] part = new double[outputs][chunk];
    MInteger begin = new MInteger();
    MInteger count = new MInteger();
    for (int from = start; from < n; from += chunk) {
      if (from > start) {
        between.run();
      }
      int to = Math.min(n, from + chunk) - 1;
      RetCode code = call.run(from, to, begin, count, part);
      if (code != RetCode.Success || begin.value != from || count.value != to - from + 1) {
        throw new IllegalStateException(
            "TA-Lib " + name + " failed on bars " + from + " to " + to + ": " + code);
      }
      for (int k = 0; k < outputs; k++) {
        System.arraycopy(part[k], 0, outs[k], from, count.value);
      }
    }
    return outs;
  }

  /** Runs a single-output function; see {@link #run(String, int, int, Call, double[]...)}. */
  static double[] run1(String name, int lookback, Call call, double[]... inputs) {
    return run(name, 1, lookback, call, inputs)[0];
  }

  /**
   * Runs {@code call} so that the output at bar {@code i} is what TA-Lib gives on the inputs
   * trimmed to start at their first all-finite bar {@code s}. TA-Lib's output at {@code startIdx}
   * reads the inputs back to {@code startIdx - lookback}, so asking for {@code startIdx = s +
   * lookback} seeds every running sum and EMA at {@code s} without copying the inputs.
   *
   * @param lookback TA-Lib's lookback for these parameters (bars before the first output)
   * @param inputs all columns the function reads, already checked to have the same length
   * @return {@code outputs} arrays of the inputs' length, NaN before the first output
   */
  static double[][] run(String name, int outputs, int lookback, Call call, double[]... inputs) {
    if (lookback < 0) {
      // TA-Lib's lookback functions return -1 for parameters they reject; ours are checked before.
      throw new IllegalStateException("TA-Lib rejected the parameters of " + name);
    }
    int n = inputs[0].length;
    double[][] outs = new double[outputs][n];
    int first = firstAllFinite(inputs);
    if (n - first <= lookback) {
      for (double[] out : outs) {
        Arrays.fill(out, Double.NaN);
      }
      return outs;
    }
    int start = first + lookback;
    MInteger begin = new MInteger();
    MInteger count = new MInteger();
    RetCode code = call.run(start, n - 1, begin, count, outs);
    if (code != RetCode.Success) {
      throw new IllegalStateException("TA-Lib " + name + " failed: " + code);
    }
    for (double[] out : outs) {
      align(out, begin.value, count.value);
    }
    return outs;
  }

  /**
   * Moves TA-Lib's packed output {@code out[0, count)} to {@code out[begin, begin + count)}, NaN
   * elsewhere.
   */
  static void align(double[] out, int begin, int count) {
    // arraycopy is memmove-safe for overlapping ranges within one array.
    System.arraycopy(out, 0, out, begin, count);
    Arrays.fill(out, 0, begin, Double.NaN);
    Arrays.fill(out, begin + count, out.length, Double.NaN);
  }

  /** The first bar at which every input is finite, or the inputs' length if there is none. */
  static int firstAllFinite(double[]... inputs) {
    int n = inputs[0].length;
    outer:
    for (int i = 0; i < n; i++) {
      for (double[] input : inputs) {
        if (!Double.isFinite(input[i])) {
          continue outer;
        }
      }
      return i;
    }
    return n;
  }

  /**
   * Checks that all columns are non-null and equally long.
   *
   * @param what names the function and its columns, e.g. "atr: high, low and close"
   * @return the common length
   */
  static int sameLength(String what, double[]... inputs) {
    for (double[] input : inputs) {
      if (input == null) {
        throw new NullPointerException(what + " must not be null");
      }
    }
    int n = inputs[0].length;
    for (double[] input : inputs) {
      if (input.length != n) {
        StringBuilder lengths = new StringBuilder();
        for (double[] each : inputs) {
          lengths.append(lengths.length() == 0 ? "" : ", ").append(each.length);
        }
        throw new IllegalArgumentException(what + " must have the same length, got " + lengths);
      }
    }
    return n;
  }

  /**
   * Checks a period parameter against its minimum and TA-Lib's maximum.
   *
   * @param what the function and parameter, e.g. "sma length"
   */
  static void period(String what, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
    }
    if (value > MAX_PERIOD) {
      throw new IllegalArgumentException(
          what + " must be <= " + MAX_PERIOD + " (TA-Lib's limit), got " + value);
    }
  }
}
