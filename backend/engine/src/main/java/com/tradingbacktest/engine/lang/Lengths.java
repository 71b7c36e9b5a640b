package com.tradingbacktest.engine.lang;

/** The rule for indicator lengths, shared by the compiler (literals) and the evaluator (params). */
final class Lengths {

  private Lengths() {}

  /** Null when {@code v} is a valid length, else what is wrong with it ("must be ..."). */
  static String problem(double v) {
    return problem(v, 1);
  }

  static String problem(double v, int minimum) {
    if (Double.isNaN(v) || v != Math.rint(v)) {
      return "must be a whole number, got " + Compiler.fmt(v);
    }
    if (v < minimum) {
      return "must be at least " + minimum + ", got " + Compiler.fmt(v);
    }
    if (v > Limits.MAX_LOOKBACK) {
      return "must be at most " + Limits.MAX_LOOKBACK + " bars, got " + Compiler.fmt(v);
    }
    return null;
  }
}
