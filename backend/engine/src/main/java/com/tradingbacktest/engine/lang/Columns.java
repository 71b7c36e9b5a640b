package com.tradingbacktest.engine.lang;

/**
 * Element-wise operators over values that are either constants ({@code Double}, {@code Boolean}) or
 * columns ({@code double[]}, {@code boolean[]}). NaN follows IEEE rules: arithmetic with NaN is NaN
 * and every comparison with NaN is false (so a warm-up bar never triggers a signal).
 */
final class Columns {

  private Columns() {}

  static Object neg(Object a) {
    if (a instanceof Double d) {
      return -d;
    }
    double[] x = (double[]) a;
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = -x[i];
    }
    return out;
  }

  static Object not(Object a) {
    if (a instanceof Boolean b) {
      return !b;
    }
    boolean[] x = (boolean[]) a;
    boolean[] out = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = !x[i];
    }
    return out;
  }

  static Object arith(String op, Object a, Object b, int n) {
    if (a instanceof Double x && b instanceof Double y) {
      return arith(op.charAt(0), x, y);
    }
    double[] out = new double[n];
    char o = op.charAt(0);
    if (a instanceof double[] x && b instanceof double[] y) {
      for (int i = 0; i < n; i++) {
        out[i] = arith(o, x[i], y[i]);
      }
    } else if (a instanceof double[] x) {
      double y = (Double) b;
      for (int i = 0; i < n; i++) {
        out[i] = arith(o, x[i], y);
      }
    } else {
      double x = (Double) a;
      double[] y = (double[]) b;
      for (int i = 0; i < n; i++) {
        out[i] = arith(o, x, y[i]);
      }
    }
    return out;
  }

  private static double arith(char op, double x, double y) {
    return switch (op) {
      case '+' -> x + y;
      case '-' -> x - y;
      case '*' -> x * y;
      default -> y == 0 ? Double.NaN : x / y; // division by zero is na, not infinity
    };
  }

  static Object compare(String op, Object a, Object b, int n) {
    if (a instanceof Boolean || a instanceof boolean[]) {
      boolean eq = op.equals("==");
      if (a instanceof Boolean x && b instanceof Boolean y) {
        return eq == (x.booleanValue() == y.booleanValue());
      }
      boolean[] x = bools(a, n);
      boolean[] y = bools(b, n);
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = eq == (x[i] == y[i]);
      }
      return out;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return compare(op, x, y);
    }
    double[] x = numbers(a, n);
    double[] y = numbers(b, n);
    boolean[] out = new boolean[n];
    switch (op) {
      case "<" -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] < y[i];
        }
      }
      case "<=" -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] <= y[i];
        }
      }
      case ">" -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] > y[i];
        }
      }
      case ">=" -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] >= y[i];
        }
      }
      case "==" -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] == y[i];
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          out[i] = !Double.isNaN(x[i]) && !Double.isNaN(y[i]) && x[i] != y[i];
        }
      }
    }
    return out;
  }

  private static boolean compare(String op, double x, double y) {
    return switch (op) {
      case "<" -> x < y;
      case "<=" -> x <= y;
      case ">" -> x > y;
      case ">=" -> x >= y;
      case "==" -> x == y;
      default -> !Double.isNaN(x) && !Double.isNaN(y) && x != y;
    };
  }

  static Object logic(String op, Object a, Object b, int n) {
    boolean and = op.equals("and");
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return and ? x && y : x || y;
    }
    boolean[] x = bools(a, n);
    boolean[] y = bools(b, n);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = and ? x[i] && y[i] : x[i] || y[i];
    }
    return out;
  }

  static Object ternary(Object c, Object a, Object b, int n) {
    if (c instanceof Boolean cond
        && !(a instanceof double[] || a instanceof boolean[])
        && !(b instanceof double[] || b instanceof boolean[])) {
      return cond ? a : b;
    }
    boolean[] cond = bools(c, n);
    if (a instanceof Boolean || a instanceof boolean[]) {
      boolean[] x = bools(a, n);
      boolean[] y = bools(b, n);
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = cond[i] ? x[i] : y[i];
      }
      return out;
    }
    double[] x = numbers(a, n);
    double[] y = numbers(b, n);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = cond[i] ? x[i] : y[i];
    }
    return out;
  }

  /**
   * The value {@code offset} bars ago: NaN (or false) before the first bar. Constants are
   * unchanged.
   */
  static Object shift(Object a, int offset, int n) {
    if (offset == 0 || a instanceof Double || a instanceof Boolean) {
      return a;
    }
    if (a instanceof boolean[] x) {
      boolean[] out = new boolean[n];
      if (offset < n) {
        System.arraycopy(x, 0, out, offset, n - offset);
      }
      return out;
    }
    double[] x = (double[]) a;
    double[] out = new double[n];
    java.util.Arrays.fill(out, 0, Math.min(offset, n), Double.NaN);
    if (offset < n) {
      System.arraycopy(x, 0, out, offset, n - offset);
    }
    return out;
  }

  static boolean[] bools(Object v, int n) {
    if (v instanceof boolean[] b) {
      return b;
    }
    boolean[] out = new boolean[n];
    if ((Boolean) v) {
      java.util.Arrays.fill(out, true);
    }
    return out;
  }

  static double[] numbers(Object v, int n) {
    if (v instanceof double[] d) {
      return d;
    }
    double[] out = new double[n];
    java.util.Arrays.fill(out, (Double) v);
    return out;
  }
}
