package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.robust.WindowMode;
import com.tradingbacktest.engine.robust.WindowPlan;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's grid search (docs/ENGINE.md, "Optimising from the command line"): {@code
 * --optimize name=from:to:step} (repeatable) searches the grid, {@code --objective} ranks it,
 * {@code --require} adds metric constraints, {@code --out-of-sample} holds the last part out and
 * {@code --walk-forward} optimises window by window.
 */
final class OptimizeOptions {

  static final String USAGE =
      """
        --optimize    name=from:to:step searches that param's values (repeatable: the grid is every
                      combination; --param fixes a param, --constraint skips combinations, as in
                      the web app's optimisation) and prints the ranked results
        --objective   the metric ranked by, highest first (default sharpe_ratio; any scalar metric
                      of docs/METRICS.md that an optimisation ranks by)
        --require     'metric >= value' (or >, <, <=): a result that misses it is
                      infeasible and ranks after every feasible one (repeatable)
        --top         how many ranked results to print (default 10)
        --out-of-sample  0.3 holds out the last 30% of the bars (or a date such as 2012-01-01, from
                      which on): the grid is ranked on the rest and the top 10 are run on the
                      held-out bars, warmed up on the bars before
        --cscv-partitions  the even number of blocks (4 to 32, default 16) the overfitting statistics
                      (DSR, PBO, plateau; docs/ROBUSTNESS.md) cut the ranked bars into
        --walk-forward  rolling:N or anchored:N windows whose test parts tile the bars after the
                      first train part; each window's grid is searched on its train part and the best
                      traded on its test part, the capital carried (docs/ROBUSTNESS.md)
        --train-test-ratio  a window's train length over its test length (default 3; above 0, at
                      most 20)
        --gap         bars between each train part and its test part (default 0)""";

  private static final Pattern RANGE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=([^:]+):([^:]+):([^:]+)");
  private static final Pattern REQUIRE =
      Pattern.compile("\\s*([A-Za-z_]+)\\s*(>=|<=|>|<)\\s*(\\S+)\\s*");
  private static final Pattern WALK = Pattern.compile("([a-zA-Z]+):(\\d{1,4})");

  final List<ParameterRange> ranges = new ArrayList<>();
  Objective objective = Objective.SHARPE_RATIO;
  final List<Constraint> requirements = new ArrayList<>();
  int top = 10;
  Double outOfSampleFraction;
  LocalDate outOfSampleFrom;
  int cscvPartitions = 16;
  WindowMode walkForwardMode;
  int walkForwardWindows;
  double trainTestRatio = WindowPlan.DEFAULT_TRAIN_TEST_RATIO;
  int gapBars;

  /** Options given beyond --optimize, to say they need it. */
  private final List<String> given = new ArrayList<>();

  /** Whether {@code option} is one of these; then {@code value} is its value. */
  static boolean handles(String option) {
    return switch (option) {
      case "--optimize",
          "--objective",
          "--require",
          "--top",
          "--out-of-sample",
          "--cscv-partitions",
          "--walk-forward",
          "--train-test-ratio",
          "--gap" ->
          true;
      default -> false;
    };
  }

  void set(String option, String value) {
    if (!option.equals("--optimize")) {
      given.add(option);
    }
    switch (option) {
      case "--optimize" -> ranges.add(range(value));
      case "--objective" -> objective = Objective.parse(value);
      case "--require" -> requirements.add(requirement(value));
      case "--top" -> top = whole(option, value, 1, 1000);
      case "--out-of-sample" -> outOfSample(value);
      case "--cscv-partitions" -> {
        cscvPartitions = whole(option, value, 4, 32);
        if (cscvPartitions % 2 != 0) {
          throw new IllegalArgumentException(
              "--cscv-partitions must be even (CSCV halves the blocks), got " + value);
        }
      }
      case "--walk-forward" -> walkForward(value);
      case "--train-test-ratio" -> {
        trainTestRatio = number(option, value);
        if (!(trainTestRatio > 0) || trainTestRatio > WindowPlan.MAX_TRAIN_TEST_RATIO) {
          throw new IllegalArgumentException(
              "--train-test-ratio must be above 0 and at most 20, got " + value);
        }
      }
      case "--gap" -> gapBars = whole(option, value, 0, WindowPlan.MAX_GAP_BARS);
      default -> throw new IllegalArgumentException("unknown option '" + option + "'");
    }
  }

  /** True when the command line asks for a grid search. */
  boolean active() {
    return !ranges.isEmpty();
  }

  boolean walkForward() {
    return walkForwardMode != null;
  }

  boolean outOfSample() {
    return outOfSampleFraction != null || outOfSampleFrom != null;
  }

  /** Refuses options that mean nothing without the ones they refine. */
  void check() {
    if (!active()) {
      if (!given.isEmpty()) {
        throw new IllegalArgumentException(
            given.get(0) + " refines a grid search: add --optimize name=from:to:step");
      }
      return;
    }
    if (walkForward() && outOfSample()) {
      throw new IllegalArgumentException(
          "--walk-forward and --out-of-sample both hold bars out of the search: use one");
    }
    if (!walkForward() && (given.contains("--train-test-ratio") || given.contains("--gap"))) {
      throw new IllegalArgumentException(
          "--train-test-ratio and --gap shape --walk-forward windows: add --walk-forward");
    }
  }

  private static ParameterRange range(String text) {
    Matcher m = RANGE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--optimize takes name=from:to:step such as fast=5:50:5, got '" + text + "'");
    }
    String name = m.group(1);
    String option = "--optimize " + name;
    try {
      return new ParameterRange(
          name, number(option, m.group(2)), number(option, m.group(3)), number(option, m.group(4)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  private static Constraint requirement(String text) {
    Matcher m = REQUIRE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--require takes 'metric op value' such as 'trade_count >= 5', got '" + text + "'");
    }
    try {
      return Constraint.parse(m.group(1), m.group(2), number("--require", m.group(3)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--require: " + e.getMessage(), e);
    }
  }

  private void outOfSample(String text) {
    String value = text.strip();
    if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        outOfSampleFrom = LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--out-of-sample: no such date '" + text + "'", e);
      }
      return;
    }
    double fraction = number("--out-of-sample", value);
    if (!(fraction > 0 && fraction <= 0.9)) {
      throw new IllegalArgumentException(
          "--out-of-sample holds out a fraction above 0 and at most 0.9, or bars from a date"
              + " (2012-01-01), got '"
              + text
              + "'");
    }
    outOfSampleFraction = fraction;
  }

  private void walkForward(String text) {
    Matcher m = WALK.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--walk-forward takes rolling:N or anchored:N such as rolling:5, got '" + text + "'");
    }
    walkForwardMode = WindowMode.parse(m.group(1).toLowerCase(Locale.ROOT));
    walkForwardWindows = Integer.parseInt(m.group(2));
    if (walkForwardWindows < 1 || walkForwardWindows > WindowPlan.MAX_WINDOWS) {
      throw new IllegalArgumentException(
          "--walk-forward makes 1 to " + WindowPlan.MAX_WINDOWS + " windows, got " + text);
    }
  }

  private static int whole(String option, String text, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'", e);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          option + " must be from " + min + " to " + max + ", got " + n);
    }
    return n;
  }

  private static double number(String option, String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, got '" + text + "'", e);
    }
  }
}
