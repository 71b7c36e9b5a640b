package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Ast.Span;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The strategy's settings: statements that configure the run rather than compute a series: {@code
 * rebalance}, the schedule of the {@code weight} output, and {@code pyramiding}, the most entries a
 * position holds in one direction:
 *
 * <pre>
 * rebalance = monthly          # every_bar, weekly, monthly or quarterly
 * rebalance = drift(5%)        # when a held weight is 5 percentage points off its target
 * rebalance = "drift:0.05"     # the same, as the API and the CLI write it
 * pyramiding = 3               # up to 3 entries in one direction (1 to 100)
 * </pre>
 */
final class Settings {

  static final String REBALANCE = "rebalance";

  static final String PYRAMIDING = "pyramiding";

  /** The drift schedule's name in code: {@code drift(band)}. */
  static final String DRIFT = Rebalance.Frequency.DRIFT.code();

  /** The calendar schedules, by the name a strategy writes. */
  static final List<String> CALENDAR =
      List.of(
          Rebalance.Frequency.EVERY_BAR.code(),
          Rebalance.Frequency.WEEKLY.code(),
          Rebalance.Frequency.MONTHLY.code(),
          Rebalance.Frequency.QUARTERLY.code());

  private static final String ACCEPTED =
      "rebalance is every_bar, weekly, monthly, quarterly or drift(band), as in rebalance ="
          + " monthly or rebalance = drift(5%)";

  /** A setting as read: its value, or what is wrong and where. */
  record Read(Rebalance value, String problem, Span at) {}

  /** The pyramiding setting as read: the count, or what is wrong and where. */
  record Count(int value, String problem, Span at) {}

  private Settings() {}

  /** Reads the right-hand side of {@code rebalance = ...}. */
  static Read rebalance(Ast.Expr e) {
    if (e instanceof Ast.Name n) {
      for (Rebalance.Frequency f : Rebalance.Frequency.values()) {
        if (f != Rebalance.Frequency.DRIFT && f.code().equals(n.name())) {
          return new Read(new Rebalance(f, 0), null, null);
        }
      }
      if (n.name().equals(DRIFT)) {
        return problem(n.span(), "drift needs a band, as in rebalance = drift(5%)");
      }
      List<String> names = new ArrayList<>(CALENDAR);
      names.add(DRIFT);
      String suggestion = Suggest.closest(n.name(), names);
      return problem(
          n.span(),
          "unknown schedule '"
              + n.name()
              + "'"
              + (suggestion == null ? "; " : "; did you mean '" + suggestion + "'? ")
              + ACCEPTED);
    }
    if (e instanceof Ast.Call c && c.function().equals(DRIFT)) {
      if (c.args().size() != 1 || !c.named().isEmpty() || !(c.args().get(0) instanceof Ast.Num)) {
        return problem(
            c.span(), "drift takes one band as a literal number, as in rebalance = drift(5%)");
      }
      Ast.Num band = (Ast.Num) c.args().get(0);
      if (!(band.value() > 0 && band.value() < 1)) {
        return problem(
            band.span(),
            "the drift band is a fraction above 0 and below 1 (5% = 0.05), got "
                + Compiler.fmt(band.value()));
      }
      return new Read(new Rebalance(Rebalance.Frequency.DRIFT, band.value()), null, null);
    }
    if (e instanceof Ast.Text t) {
      try {
        return new Read(Rebalance.parse(t.value()), null, null);
      } catch (IllegalArgumentException ex) {
        return problem(t.span(), ex.getMessage());
      }
    }
    return problem(e.span(), ACCEPTED);
  }

  private static Read problem(Span at, String message) {
    return new Read(null, message, at);
  }

  /** Reads the right-hand side of {@code pyramiding = 3}: a whole literal from 1 to the limit. */
  static Count pyramiding(Ast.Expr e) {
    String accepted =
        "pyramiding is a whole number of entries from 1 to "
            + BacktestConfig.MAX_PYRAMIDING
            + ", as in pyramiding = 3";
    if (!(e instanceof Ast.Num n) || n.percent()) {
      return new Count(0, accepted, e.span());
    }
    double v = n.value();
    if (v != Math.rint(v) || v < 1 || v > BacktestConfig.MAX_PYRAMIDING) {
      return new Count(0, accepted + "; got " + Compiler.fmt(v), n.span());
    }
    return new Count((int) v, null, null);
  }

  /**
   * The part of a weight that is fixed in the source and outside [0, 1]: a literal, a param whose
   * range (or default) leaves it, or such a branch of {@code c ? a : b}; null when none is. na is
   * allowed: it means no opinion.
   */
  static Node weightOutOfRange(Node weight, Map<String, ParamSpec> params) {
    return fixedOutOfRange(weight, params, false);
  }

  /**
   * The part of an exit fraction fixed in the source and outside (0, 1], as {@link
   * #weightOutOfRange} finds it; null when none is.
   */
  static Node exitFractionOutOfRange(Node fraction, Map<String, ParamSpec> params) {
    return fixedOutOfRange(fraction, params, true);
  }

  /** The fixed part outside [0, 1], or outside (0, 1] when {@code aboveZero}; null when none. */
  private static Node fixedOutOfRange(Node root, Map<String, ParamSpec> params, boolean aboveZero) {
    java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      switch (n.op) {
        case NUM -> {
          if (n.value < 0 || n.value > 1 || (aboveZero && n.value == 0)) {
            return n;
          }
        }
        case PARAM -> {
          ParamSpec p = params.get(n.name);
          double lo = p.min() != null ? p.min() : p.defaultValue();
          double hi = p.max() != null ? p.max() : p.defaultValue();
          if (lo < 0 || hi > 1 || (aboveZero && lo == 0)) {
            return n;
          }
        }
        case TERNARY -> {
          stack.push(n.in[2]);
          stack.push(n.in[1]);
        }
        default -> {
          // A series or a calculation: checked on every bar when the universe is evaluated.
        }
      }
    }
    return null;
  }
}
