package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Ast.Expr;
import com.tradingbacktest.engine.lang.Ast.Span;
import com.tradingbacktest.engine.lang.Node.Op;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type-checks the syntax tree and builds the plan: a DAG of {@link Node}s with structurally equal
 * sub-expressions merged. Errors are collected, not thrown, so a compile reports them all. It owns
 * the language's rules for statements, names and operators; the node table is a {@link Plan}, and a
 * call's arguments are matched and checked by a {@link CallChecker} once the name is resolved.
 */
final class Compiler {

  static final Set<String> PRICES =
      Set.of("open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4");
  static final Set<String> TIMES =
      Set.of("year", "month", "dayofmonth", "dayofweek", "hour", "minute");

  private final List<Diagnostic> errors;
  private final Plan plan = new Plan();
  private final Map<String, Node> variables = new LinkedHashMap<>();
  private final Map<String, Integer> definedOn = new HashMap<>();
  private final Map<String, ParamSpec> params = new LinkedHashMap<>();
  private final Map<String, Node> outputs = new LinkedHashMap<>();
  private final List<Plots.Declared> plots = new ArrayList<>();

  /** The line of each plot title, to report a duplicate where the first one is. */
  private final Map<String, Integer> plotTitles = new HashMap<>();

  private int plotStatements;

  /** The {@code constraint} statements, checked once every param is known. */
  private final List<Ast.ConstraintDecl> constraintDecls = new ArrayList<>();

  /** The {@code rebalance} setting, once read; null when the strategy has none. */
  private Rebalance rebalance;

  private Ast.Assign rebalanceStatement;

  /** The {@code pyramiding} setting, once read; null when the strategy has none. */
  private Integer pyramiding;

  private Ast.Assign pyramidingStatement;

  private Ast.Assign weightStatement;

  private Ast.Assign exitFractionStatement;

  /**
   * Each assigned name's expression, in source order, so {@code security(...)} can compute the
   * names it uses again on its coarser bars.
   */
  private final Map<String, Expr> definitions = new LinkedHashMap<>();

  /**
   * Per coarser interval, the names used inside a {@code security(...)} of it, computed on its
   * bars; null for one whose computation there failed (its error is recorded).
   */
  private final Map<Interval, Map<String, Node>> frameVariables = new HashMap<>();

  /** Names whose definition failed: their uses are not reported again. */
  private final Set<String> broken = new HashSet<>();

  /**
   * The series whose self-referencing definition is being compiled (its {@code x[1]} reads its own
   * earlier values), or null.
   */
  private String selfName;

  /** The line where each name is first assigned or declared, to explain a use above it. */
  private final Map<String, Integer> assignedOn = new HashMap<>();

  /** Checks calls to built-ins; compiles their arguments back through {@link #argument}. */
  private final CallChecker calls;

  private Compiler(List<Diagnostic> errors) {
    this.errors = errors;
    this.calls = new CallChecker(errors, plan, params, this::argument);
  }

  /**
   * @param rebalance the strategy's schedule for its {@code weight} output: its {@code rebalance}
   *     setting, else monthly; null when it has no {@code weight}
   * @param pyramiding the strategy's {@code pyramiding} setting, or null when it has none
   */
  record Result(
      List<Node> nodes,
      Map<String, ParamSpec> params,
      Map<String, Node> outputs,
      List<Plots.Declared> plots,
      Rebalance rebalance,
      Integer pyramiding,
      List<ParamConstraint> constraints) {}

  static Result compile(List<Ast.Statement> statements, List<Diagnostic> errors) {
    Compiler c = new Compiler(errors);
    for (Ast.Statement s : statements) {
      if (s instanceof Ast.Assign a) {
        c.assignedOn.putIfAbsent(a.name(), a.span().line());
      } else if (s instanceof Ast.Param p) {
        c.assignedOn.putIfAbsent(p.name(), p.span().line());
      }
    }
    for (Ast.Statement s : statements) {
      if (s instanceof Ast.Param p) {
        c.param(p);
      } else if (s instanceof Ast.ConstraintDecl d) {
        c.constraintDecls.add(d);
      } else if (s instanceof Ast.CallStatement call) {
        c.callStatement(call.call());
      } else if (((Ast.Assign) s).name().equals(Settings.REBALANCE)) {
        c.rebalance((Ast.Assign) s);
      } else if (((Ast.Assign) s).name().equals(Settings.PYRAMIDING)) {
        c.pyramiding((Ast.Assign) s);
      } else {
        c.assign((Ast.Assign) s);
      }
    }
    c.checkOutputs(statements);
    c.checkWeight();
    c.checkExitFraction();
    c.checkStatefulOutputs();
    c.checkConstraints();
    Rebalance schedule =
        c.outputs.containsKey(Outputs.WEIGHT)
            ? (c.rebalance != null ? c.rebalance : Rebalance.MONTHLY)
            : null;
    return new Result(
        c.plan.nodes(),
        c.params,
        c.outputs,
        List.copyOf(c.plots),
        schedule,
        c.pyramiding,
        c.constraintDecls.stream().map(Ast.ConstraintDecl::constraint).toList());
  }

  /**
   * Each {@code constraint} names declared params (anywhere in the source) and holds for their
   * defaults, so a run without overrides is always allowed.
   */
  private void checkConstraints() {
    if (constraintDecls.size() > Limits.MAX_CONSTRAINTS) {
      errors.add(
          constraintDecls
              .get(Limits.MAX_CONSTRAINTS)
              .span()
              .error("a strategy may declare at most " + Limits.MAX_CONSTRAINTS + " constraints"));
      return;
    }
    Map<String, Double> defaults = new HashMap<>();
    params.forEach((name, spec) -> defaults.put(name, spec.defaultValue()));
    for (Ast.ConstraintDecl d : constraintDecls) {
      ParamConstraint c = d.constraint();
      String unknown = c.unknownParam(params);
      if (unknown != null) {
        Span at =
            c.left().param() != null && !params.containsKey(c.left().param())
                ? d.leftSpan()
                : c.right().param() != null && !params.containsKey(c.right().param())
                    ? d.rightSpan()
                    : d.span();
        errors.add(at.error(unknown));
      } else if (!c.test(defaults)) {
        errors.add(
            d.span()
                .error(
                    "the defaults break this constraint: "
                        + String.join(
                            ", ",
                            c.params().stream().map(p -> p + " = " + fmt(defaults.get(p))).toList())
                        + "; change a default or the constraint"));
      }
    }
  }

  // ---- statements

  private void param(Ast.Param p) {
    if (!checkNewName(p.name(), p.nameSpan())) {
      return;
    }
    if (params.size() >= Limits.MAX_PARAMS) {
      errors.add(
          p.span().error("a strategy may have at most " + Limits.MAX_PARAMS + " parameters"));
      return;
    }
    boolean ranged = !Double.isNaN(p.min());
    if (ranged && p.min() > p.max()) {
      errors.add(
          p.span()
              .error(
                  "the range of "
                      + p.name()
                      + " is empty: "
                      + fmt(p.min())
                      + " is above "
                      + fmt(p.max())));
      return;
    }
    if (ranged && (p.defaultValue() < p.min() || p.defaultValue() > p.max())) {
      errors.add(
          p.span()
              .error(
                  "the default "
                      + fmt(p.defaultValue())
                      + " of "
                      + p.name()
                      + " is outside its range "
                      + fmt(p.min())
                      + ".."
                      + fmt(p.max())));
      return;
    }
    if (!Double.isNaN(p.step()) && !(p.step() > 0)) {
      errors.add(p.span().error("the step of " + p.name() + " must be above 0"));
      return;
    }
    ParamSpec spec =
        new ParamSpec(
            p.name(),
            p.defaultValue(),
            ranged ? p.min() : null,
            ranged ? p.max() : null,
            Double.isNaN(p.step()) ? null : p.step(),
            p.span().line());
    params.put(p.name(), spec);
    definedOn.put(p.name(), p.span().line());
    variables.put(
        p.name(),
        plan.node(
            Op.PARAM,
            new Node[0],
            p.name(),
            0,
            Node.Type.NUM,
            false,
            Set.of(p.name()),
            true,
            p.nameSpan(),
            null));
  }

  private void assign(Ast.Assign a) {
    if (a.value() == null) { // the statement did not parse; its error is already recorded
      broken.add(a.name());
      definedOn.putIfAbsent(a.name(), a.span().line());
      return;
    }
    boolean recursive =
        !definedOn.containsKey(a.name())
            && !PRICES.contains(a.name())
            && !TIMES.contains(a.name())
            && !PositionState.contains(a.name())
            && readsItself(a.value(), a.name());
    Node value;
    selfName = recursive ? a.name() : null;
    try {
      value = expr(a.value());
    } finally {
      selfName = null;
    }
    if (!checkNewName(a.name(), a.nameSpan())) {
      return;
    }
    if (recursive && value != null) {
      if (value.type != Node.Type.NUM) {
        errors.add(
            a.value()
                .span()
                .error(
                    a.name()
                        + " reads its own earlier values ("
                        + a.name()
                        + "[1]), so it must be a number, got "
                        + value.describe()
                        + "; use 1 and 0 for true and false"));
        broken.add(a.name());
        return;
      }
      value =
          plan.node(
              Op.RECUR,
              new Node[] {value},
              a.name(),
              0,
              Node.Type.NUM,
              true,
              value.params,
              value.knownAtOpen,
              a.nameSpan(),
              null);
    }
    if (value == null) {
      broken.add(a.name()); // the error is recorded; later uses of the name are not reported again
      return;
    }
    if (value.type == Node.Type.STRING) {
      errors.add(
          a.value()
              .span()
              .error(
                  "a text cannot be assigned to a name; write it where it is used, as in "
                      + "plot(\"title\", x)"));
      broken.add(a.name());
      return;
    }
    if (isMulti(value) && Outputs.ALL.containsKey(a.name())) {
      errors.add(a.value().span().error(multiMessage(value)));
      return;
    }
    definedOn.put(a.name(), a.span().line());
    variables.put(a.name(), value);
    definitions.put(a.name(), a.value());
    if (Outputs.ALL.containsKey(a.name())) {
      outputs.put(a.name(), value);
    }
    if (a.name().equals(Outputs.WEIGHT)) {
      weightStatement = a;
    }
    if (a.name().equals(Outputs.EXIT_FRACTION)) {
      exitFractionStatement = a;
    }
  }

  /** Whether {@code e} contains {@code name[...]}: a definition that reads its own history. */
  private static boolean readsItself(Expr e, String name) {
    if (e instanceof Ast.Index i) {
      return (i.target() instanceof Ast.Name n && n.name().equals(name))
          || readsItself(i.target(), name)
          || readsItself(i.offset(), name);
    }
    if (e instanceof Ast.Unary u) {
      return readsItself(u.operand(), name);
    }
    if (e instanceof Ast.Binary b) {
      return readsItself(b.left(), name) || readsItself(b.right(), name);
    }
    if (e instanceof Ast.Ternary t) {
      return readsItself(t.condition(), name)
          || readsItself(t.whenTrue(), name)
          || readsItself(t.whenFalse(), name);
    }
    if (e instanceof Ast.Call c) {
      for (Expr arg : c.args()) {
        if (readsItself(arg, name)) {
          return true;
        }
      }
      for (Ast.NamedArg arg : c.named()) {
        if (readsItself(arg.value(), name)) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof Ast.Field f) {
      return readsItself(f.target(), name);
    }
    return false;
  }

  /**
   * The rules of outputs computed from the account's state: a weight is decided for a whole
   * universe at once, and the size and protective exits an entry order reads when it fills during a
   * bar must be known before that bar closes.
   */
  private void checkStatefulOutputs() {
    Node weight = outputs.get(Outputs.WEIGHT);
    if (weight != null && weight.dependsOnState) {
      errors.add(
          weightSpan()
              .error(
                  "weight cannot use the position state ("
                      + String.join(", ", PositionState.ALL.keySet())
                      + "): target weights are decided for the whole portfolio; use entry and exit"
                      + " outputs"));
      return;
    }
    boolean entryOrders = false;
    for (String name : outputs.keySet()) {
      entryOrders |= Outputs.ALL.get(name).intrabar();
    }
    if (!entryOrders) {
      return;
    }
    for (String name : List.of("size", "stop_loss", "take_profit", "trailing_stop")) {
      Node value = outputs.get(name);
      if (value != null && value.dependsOnState && !value.knownAtOpen) {
        Node culprit = lookAheadCulprit(value);
        boolean named = culprit != null && (culprit.op == Op.STATE || culprit.op == Op.PRICE);
        Span at = culprit != null && culprit.span != null ? culprit.span : new Span(1, 1, 1);
        errors.add(
            at.error(
                name
                    + " is read when an entry stop or limit order fills during the bar, before the"
                    + " bar closes, but it uses "
                    + (named
                        ? culprit.name + " of the current bar; use " + culprit.name + "[1]"
                        : "the current bar's close; use values of the previous bar ([1])")));
        return;
      }
    }
  }

  /**
   * True when the setting {@code a} assigns was not set before; else false, with an error naming
   * the line of {@code earlier}, its first assignment.
   */
  private boolean firstSetting(Ast.Assign a, Ast.Assign earlier) {
    if (earlier == null) {
      return true;
    }
    errors.add(
        a.nameSpan()
            .error(
                a.name() + " is already set on line " + earlier.span().line() + "; set it once"));
    return false;
  }

  /** {@code rebalance = monthly}: the schedule of the weight output (see {@link Settings}). */
  private void rebalance(Ast.Assign a) {
    if (a.value() == null) {
      return; // did not parse; its error is recorded
    }
    if (!firstSetting(a, rebalanceStatement)) {
      return;
    }
    rebalanceStatement = a;
    Settings.Read read = Settings.rebalance(a.value());
    if (read.problem() != null) {
      errors.add(read.at().error(read.problem()));
      return;
    }
    rebalance = read.value();
  }

  /** {@code pyramiding = 3}: the most entries in one direction (see {@link Settings}). */
  private void pyramiding(Ast.Assign a) {
    if (a.value() == null) {
      return; // did not parse; its error is recorded
    }
    if (!firstSetting(a, pyramidingStatement)) {
      return;
    }
    pyramidingStatement = a;
    Settings.Count read = Settings.pyramiding(a.value());
    if (read.problem() != null) {
      errors.add(read.at().error(read.problem()));
      return;
    }
    pyramiding = read.value();
  }

  /**
   * A scale-out closes a fraction of the position: one fixed in the source lies in (0, 1] (na, no
   * scale-out, is allowed; a computed one counts 0 and below as none and above 1 as all).
   */
  private void checkExitFraction() {
    Node fraction = outputs.get(Outputs.EXIT_FRACTION);
    if (fraction == null) {
      return;
    }
    Node bad = Settings.exitFractionOutOfRange(fraction, params);
    if (bad != null) {
      // A param is declared elsewhere: point at the exit_fraction that uses it.
      Span at =
          bad.op == Op.PARAM || bad.span == null ? exitFractionStatement.value().span() : bad.span;
      errors.add(
          at.error(
              "exit_fraction is the part of the position to close, above 0 and at most 1 (a"
                  + " third = 0.33, all = 1), got "
                  + (bad.op == Op.PARAM
                      ? "param " + bad.name + " with range " + rangeOf(params.get(bad.name))
                      : fmt(bad.value))));
    }
  }

  /**
   * The weight output's own rules: it drives the rebalancer alone (no order outputs beside it), a
   * weight fixed in the source lies in [0, 1], and a rebalance setting needs it.
   */
  private void checkWeight() {
    Node weight = outputs.get(Outputs.WEIGHT);
    if (weight != null && pyramidingStatement != null) {
      errors.add(
          pyramidingStatement
              .nameSpan()
              .error(
                  "pyramiding adds entries to a position opened by entry signals, but weight"
                      + " positions follow their target weights; remove pyramiding"));
    }
    if (weight == null) {
      if (rebalanceStatement != null && errors.isEmpty()) {
        errors.add(
            rebalanceStatement
                .nameSpan()
                .error(
                    "rebalance schedules the weight output, but this strategy assigns no weight;"
                        + " assign weight (e.g. weight = 1 / universe_size()) or remove"
                        + " rebalance"));
      }
      return;
    }
    for (String other : outputs.keySet()) {
      if (!other.equals(Outputs.WEIGHT)) {
        errors.add(
            weightSpan()
                .error(
                    "weight sets target weights for the rebalancer and cannot be combined with "
                        + other
                        + " (line "
                        + definedOn.get(other)
                        + "): use either weight or entry/exit outputs"));
        return;
      }
    }
    Node bad = Settings.weightOutOfRange(weight, params);
    if (bad != null) {
      // A param is declared elsewhere: point at the weight that uses it.
      Span at = bad.op == Op.PARAM || bad.span == null ? weightSpan() : bad.span;
      errors.add(
          at.error(
              "weight must be from 0 to 1 (a fraction of equity, 25% = 0.25), got "
                  + (bad.op == Op.PARAM
                      ? "param " + bad.name + " with range " + rangeOf(params.get(bad.name))
                      : fmt(bad.value))));
    }
  }

  private Span weightSpan() {
    return weightStatement != null ? weightStatement.value().span() : new Span(1, 1, 1);
  }

  private static String rangeOf(ParamSpec p) {
    return p.min() == null
        ? "default " + fmt(p.defaultValue())
        : fmt(p.min()) + ".." + fmt(p.max());
  }

  private boolean checkNewName(String name, Span span) {
    if (PRICES.contains(name)) {
      errors.add(
          span.error(
              "'"
                  + name
                  + "' is a built-in price series and cannot be assigned; choose another name"));
      return false;
    }
    if (TIMES.contains(name)) {
      errors.add(
          span.error(
              "'"
                  + name
                  + "' is a built-in time series and cannot be assigned; choose another name"));
      return false;
    }
    if (Builtins.get(name) != null
        || CrossSection.get(name) != null
        || name.equals(Plots.NAME)
        || name.equals(Timeframes.NAME)) {
      errors.add(
          span.error(
              "'" + name + "' is a built-in function and cannot be assigned; choose another name"));
      return false;
    }
    if (PositionState.contains(name)) {
      errors.add(
          span.error(
              "'" + name + "' is the account's state, which the engine sets; choose another name"));
      return false;
    }
    if (name.equals(Settings.REBALANCE)) {
      errors.add(
          span.error(
              "'rebalance' is a setting (rebalance = monthly) and cannot be a param; choose"
                  + " another name"));
      return false;
    }
    if (name.equals(Settings.PYRAMIDING)) {
      errors.add(
          span.error(
              "'pyramiding' is a setting (pyramiding = 3) and cannot be a param; choose another"
                  + " name"));
      return false;
    }
    if (definedOn.containsKey(name)) {
      errors.add(
          span.error(
              "'"
                  + name
                  + "' is already defined on line "
                  + definedOn.get(name)
                  + "; each name is assigned once"));
      return false;
    }
    return true;
  }

  private void checkOutputs(List<Ast.Statement> statements) {
    for (Ast.Statement s : statements) {
      if (!(s instanceof Ast.Assign a) || a.value() == null || !outputs.containsKey(a.name())) {
        continue;
      }
      Node value = outputs.get(a.name());
      Outputs.Output out = Outputs.ALL.get(a.name());
      if (value.type != out.type()) {
        errors.add(
            a.value()
                .span()
                .error(
                    a.name()
                        + " must be "
                        + (out.type() == Node.Type.BOOL ? "true/false (a bool)" : "a number")
                        + ", got "
                        + value.describe()));
        outputs.remove(a.name());
        continue;
      }
      if (out.intrabar() && !value.knownAtOpen) {
        Node culprit = lookAheadCulprit(value);
        Span at = culprit != null && culprit.span != null ? culprit.span : a.value().span();
        String what =
            culprit == null
                ? "data of the current bar"
                : culprit.op == Op.PRICE || culprit.op == Op.STATE
                    ? culprit.name + " of the current bar"
                    : culprit.op == Op.SECURITY
                        ? "security(\""
                            + culprit.name
                            + "\", ...), which changes at the current bar's close"
                        : culprit.name + "(), which uses the current bar's high, low and close";
        errors.add(
            at.error(
                a.name()
                    + " is an order working during the bar, so it may only use the bar's open and "
                    + "earlier bars, but it uses "
                    + what
                    + "; use [1] for the previous bar"));
        outputs.remove(a.name());
      }
    }
    if (errors.isEmpty()
        && outputs.keySet().stream().noneMatch(Outputs::isEntry)
        && !outputs.containsKey(Outputs.WEIGHT)) {
      int line = statements.isEmpty() ? 1 : statements.get(statements.size() - 1).span().line();
      errors.add(
          new Diagnostic(
              line,
              1,
              1,
              "the strategy never enters a position: assign long_entry, short_entry, "
                  + "an entry stop/limit such as long_entry_stop, or weight"));
    }
  }

  /**
   * The first leaf that makes a value depend on the current bar beyond its open. Iterative: a plan
   * can be thousands of nodes deep across statements.
   */
  private static Node lookAheadCulprit(Node root) {
    java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n.knownAtOpen || !seen.add(n.id)) {
        continue;
      }
      if (n.op == Op.PRICE
          || n.op == Op.STATE
          || n.op == Op.SECURITY
          || (n.op == Op.CALL && n.builtin.usesBars())) {
        return n;
      }
      for (int k = n.in.length - 1; k >= 0; k--) {
        stack.push(n.in[k]);
      }
    }
    return null;
  }

  /** A call on a line of its own: only plot(...) may stand alone, since nothing else acts. */
  private void callStatement(Ast.Call c) {
    if (c.function().equals(Plots.NAME)) {
      plot(c);
      return;
    }
    if (Builtins.get(c.function()) != null) {
      errors.add(
          c.span()
              .error(
                  "only plot(...) can stand alone; assign the value to a name, as in x = "
                      + c.function()
                      + "(...)"));
      return;
    }
    call(c); // reports the unknown function (or the value called as one) with a suggestion
  }

  private void plot(Ast.Call c) {
    if (++plotStatements > Limits.MAX_PLOTS) {
      errors.add(
          c.span()
              .error(
                  "a strategy may draw at most "
                      + Limits.MAX_PLOTS
                      + " plots; this is plot "
                      + plotStatements));
      return;
    }
    Node[] args = calls.arguments(c, Plots.SPEC);
    if (args == null) {
      return;
    }
    String title = args[0].name;
    Span titleAt = CallChecker.argumentSpan(c, Plots.SPEC, "title");
    if (title.isBlank() || title.length() > Limits.MAX_PLOT_TITLE_CHARS) {
      errors.add(
          titleAt.error(
              "a plot's title has 1 to "
                  + Limits.MAX_PLOT_TITLE_CHARS
                  + " characters and is not blank; this one has "
                  + title.length()));
      return;
    }
    if (!title.equals(title.strip())) {
      errors.add(titleAt.error("a plot's title cannot start or end with a space"));
      return;
    }
    if (title.indexOf(',') >= 0) {
      errors.add(
          titleAt.error(
              "a plot's title cannot contain a comma: the API and the CLI name plots in"
                  + " comma-separated lists"));
      return;
    }
    Integer first = plotTitles.putIfAbsent(title, c.span().line());
    if (first != null) {
      errors.add(
          titleAt.error(
              "a plot titled \""
                  + title
                  + "\" is already drawn on line "
                  + first
                  + "; give each plot its own title"));
      return;
    }
    String color = args[2] == null ? null : args[2].name;
    if (color != null && !Plots.isColor(color)) {
      errors.add(
          CallChecker.argumentSpan(c, Plots.SPEC, "color")
              .error(
                  "plot color must be \"#rrggbb\" (six hex digits, e.g. \"#1f77b4\"), got \""
                      + color
                      + "\""));
      return;
    }
    plots.add(
        new Plots.Declared(
            title,
            color == null ? null : color.toLowerCase(java.util.Locale.ROOT),
            args[3].name,
            args[4].name,
            args[1]));
  }

  // ---- expressions

  private Node expr(Expr e) {
    if (e instanceof Ast.Num n) {
      return plan.constant(n.value(), n.span());
    }
    if (e instanceof Ast.Bool b) {
      return plan.node(
          Op.BOOL,
          new Node[0],
          null,
          b.value() ? 1 : 0,
          Node.Type.BOOL,
          false,
          Set.of(),
          true,
          b.span(),
          null);
    }
    if (e instanceof Ast.Na n) {
      return plan.constant(Double.NaN, n.span());
    }
    if (e instanceof Ast.Text t) {
      return plan.text(t.value(), t.span());
    }
    if (e instanceof Ast.Name n) {
      return name(n);
    }
    if (e instanceof Ast.Unary u) {
      return unary(u);
    }
    if (e instanceof Ast.Binary b) {
      return binary(b);
    }
    if (e instanceof Ast.Ternary t) {
      return ternary(t);
    }
    if (e instanceof Ast.Index i) {
      return history(i);
    }
    if (e instanceof Ast.Call c) {
      return call(c);
    }
    return field((Ast.Field) e);
  }

  private Node name(Ast.Name n) {
    String id = n.name();
    Interval frame = plan.frame();
    if (frame != null && definitions.containsKey(id)) {
      return frameVariables.get(frame).get(id); // null: failed there, and the error is recorded
    }
    if (variables.containsKey(id)) {
      return variables.get(id);
    }
    if (broken.contains(id)) {
      return null;
    }
    if (PRICES.contains(id)) {
      return plan.node(
          Op.PRICE,
          new Node[0],
          id,
          0,
          Node.Type.NUM,
          true,
          Set.of(),
          id.equals("open"),
          n.span(),
          null);
    }
    if (TIMES.contains(id)) {
      return plan.node(
          Op.TIME, new Node[0], id, 0, Node.Type.NUM, true, Set.of(), true, n.span(), null);
    }
    if (PositionState.contains(id)) {
      // Known at the bar's close, after its fills: not at its open.
      return plan.node(
          Op.STATE, new Node[0], id, 0, Node.Type.NUM, true, Set.of(), false, n.span(), null);
    }
    if (id.equals(selfName)) {
      return fail(
          n.span(),
          "'"
              + id
              + "' is being defined on this line: it can read only its own earlier values, as in "
              + id
              + "[1]");
    }
    Integer later = assignedOn.get(id);
    if (later != null && later > n.span().line()) {
      return fail(
          n.span(),
          "'"
              + id
              + "' is defined on line "
              + later
              + ", below this use: a name must be defined above where it is used (a series may"
              + " read its own earlier values, as in x = nz(x[1]) + 1)");
    }
    if (Builtins.get(id) != null) {
      Builtins.Builtin b = Builtins.get(id);
      return fail(n.span(), "'" + id + "' is a function: call it like " + b.spec().signature());
    }
    if (CrossSection.get(id) != null) {
      return fail(
          n.span(), "'" + id + "' is a function: call it like " + CrossSection.get(id).signature());
    }
    if (id.equals(Settings.REBALANCE)) {
      return fail(
          n.span(),
          "rebalance is a setting (rebalance = monthly), not a value an expression can use");
    }
    if (id.equals(Settings.PYRAMIDING)) {
      return fail(
          n.span(), "pyramiding is a setting (pyramiding = 3), not a value an expression can use");
    }
    if (id.equals(Plots.NAME)) {
      return fail(
          n.span(), "'plot' draws a series on a line of its own: " + Plots.SPEC.signature());
    }
    String suggestion = Suggest.closest(id, allNames());
    return fail(
        n.span(),
        "unknown name '"
            + id
            + "'"
            + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
  }

  private List<String> allNames() {
    List<String> names = new ArrayList<>(variables.keySet());
    names.addAll(PRICES);
    names.addAll(TIMES);
    names.addAll(PositionState.ALL.keySet());
    return names;
  }

  private Node unary(Ast.Unary u) {
    Node operand = expr(u.operand());
    if (operand == null || rejectMulti(operand, u.operand().span())) {
      return null;
    }
    if (u.op().equals("not")) {
      if (operand.type != Node.Type.BOOL) {
        return fail(
            u.span(),
            "'not' needs a true/false value, got " + operand.describe() + selfHint(operand));
      }
      return plan.derived(Op.NOT, "not", Node.Type.BOOL, u.span(), operand);
    }
    if (operand.type != Node.Type.NUM) {
      return fail(u.span(), "'" + u.op() + "' needs a number, got " + operand.describe());
    }
    if (u.op().equals("+")) {
      return operand;
    }
    if (operand.op == Op.NUM) {
      return plan.constant(-operand.value, u.span());
    }
    return plan.derived(Op.NEG, "-", Node.Type.NUM, u.span(), operand);
  }

  private Node binary(Ast.Binary b) {
    Node left = expr(b.left());
    Node right = expr(b.right());
    if (left == null
        || right == null
        || rejectMulti(left, b.left().span())
        || rejectMulti(right, b.right().span())) {
      return null;
    }
    String op = b.op();
    switch (op) {
      case "+", "-", "*", "/" -> {
        if (left.type != Node.Type.NUM || right.type != Node.Type.NUM) {
          Node bad = left.type != Node.Type.NUM ? left : right;
          return fail(
              b.span(),
              "'"
                  + op
                  + "' needs numbers on both sides, got "
                  + bad.describe()
                  + " on the "
                  + (bad == left ? "left" : "right"));
        }
        return plan.derived(Op.ARITH, op, Node.Type.NUM, b.span(), left, right);
      }
      case "and", "or" -> {
        if (left.type != Node.Type.BOOL || right.type != Node.Type.BOOL) {
          Node bad = left.type != Node.Type.BOOL ? left : right;
          return fail(
              b.span(),
              "'"
                  + op
                  + "' needs true/false values on both sides, got "
                  + bad.describe()
                  + " on the "
                  + (bad == left ? "left" : "right")
                  + selfHint(bad));
        }
        return plan.derived(Op.LOGIC, op, Node.Type.BOOL, b.span(), left, right);
      }
      default -> {
        if (left.type == Node.Type.STRING || right.type == Node.Type.STRING) {
          return fail(b.span(), "'" + op + "' compares numbers or true/false values, not texts");
        }
        if (left.type != right.type) {
          return fail(
              b.span(),
              "'"
                  + op
                  + "' compares two values of the same kind, got "
                  + left.describe()
                  + " and "
                  + right.describe());
        }
        if (left.type == Node.Type.BOOL && !(op.equals("==") || op.equals("!="))) {
          return fail(b.span(), "'" + op + "' compares numbers, got true/false values");
        }
        return plan.derived(Op.COMPARE, op, Node.Type.BOOL, b.span(), left, right);
      }
    }
  }

  private Node ternary(Ast.Ternary t) {
    Node c = expr(t.condition());
    Node a = expr(t.whenTrue());
    Node b = expr(t.whenFalse());
    if (c == null
        || a == null
        || b == null
        || rejectMulti(c, t.condition().span())
        || rejectMulti(a, t.whenTrue().span())
        || rejectMulti(b, t.whenFalse().span())) {
      return null;
    }
    if (c.type != Node.Type.BOOL) {
      return fail(
          t.condition().span(),
          "the condition before '?' must be true/false, got " + c.describe() + selfHint(c));
    }
    if (a.type == Node.Type.STRING || b.type == Node.Type.STRING) {
      return fail(
          t.span(), "the branches of 'condition ? a : b' must be numbers or true/false values");
    }
    if (a.type != b.type) {
      return fail(
          t.span(),
          "both branches of 'condition ? a : b' must be the same kind, got "
              + a.describe()
              + " and "
              + b.describe());
    }
    return plan.derived(Op.TERNARY, "?:", a.type, t.span(), c, a, b);
  }

  private Node history(Ast.Index i) {
    if (selfName != null && i.target() instanceof Ast.Name t && t.name().equals(selfName)) {
      return selfHistory(i);
    }
    Node target = expr(i.target());
    Node offset = expr(i.offset());
    if (target == null || offset == null || rejectMulti(target, i.target().span())) {
      return null;
    }
    if (target.type == Node.Type.STRING) {
      return fail(i.span(), "a text has no history: [n] applies to series");
    }
    String problem = offsetProblem(offset);
    if (problem != null) {
      return fail(i.offset().span(), problem);
    }
    if (offset.op == Op.NUM && offset.value == 0) {
      return target;
    }
    Set<String> deps = Plan.union(target, offset);
    boolean known =
        target.knownAtOpen
            || (offset.op == Op.NUM && offset.value >= 1)
            || (offset.op == Op.PARAM && paramMin(offset.name) >= 1);
    return plan.node(
        Op.HISTORY,
        new Node[] {target, offset},
        "[]",
        0,
        target.type,
        target.series,
        deps,
        known,
        i.span(),
        null);
  }

  /**
   * Why {@code offset} cannot be a history offset, or null when it can: a whole number from 0 to
   * the look-back limit fixed for the run, written as a literal or a param.
   */
  private static String offsetProblem(Node offset) {
    if (offset.series || offset.type != Node.Type.NUM) {
      return "a history offset must be a whole number fixed for the run (a literal or a param), "
          + "got "
          + offset.describe();
    }
    if (offset.op == Op.NUM) {
      double n = offset.value;
      if (n < 0) {
        return "[" + fmt(n) + "] would look into the future: history offsets must be 0 or more";
      }
      if (n != Math.rint(n)) {
        return "a history offset must be a whole number, got " + fmt(n);
      }
      if (n > Limits.MAX_LOOKBACK) {
        return "history offset "
            + fmt(n)
            + " exceeds the limit of "
            + Limits.MAX_LOOKBACK
            + " bars";
      }
      return null;
    }
    return offset.op == Op.PARAM ? null : "a history offset must be a literal number or a param";
  }

  /**
   * {@code x[n]} inside the definition of {@code x}: its own value {@code n} bars ago, for a whole
   * {@code n >= 1} fixed for the run (the value of this bar is what is being defined).
   */
  private Node selfHistory(Ast.Index i) {
    Node offset = expr(i.offset());
    if (offset == null) {
      return null;
    }
    String name = selfName;
    String problem = offsetProblem(offset);
    if (problem != null) {
      return fail(i.offset().span(), problem);
    }
    if (offset.op == Op.NUM) {
      if (offset.value < 1) {
        return fail(
            i.offset().span(),
            name
                + "[0] would read "
                + name
                + " before it is computed: a series can read only its own earlier values, "
                + name
                + "[1] or more");
      }
    } else if (paramMin(offset.name) < 1) {
      return fail(
          i.offset().span(),
          name
              + "["
              + offset.name
              + "] reads "
              + name
              + "'s own earlier values, so "
              + offset.name
              + " must be at least 1: give it a range from 1");
    }
    return plan.node(
        Op.SELF,
        new Node[] {offset},
        name,
        0,
        Node.Type.NUM,
        true,
        offset.params,
        true,
        i.span(),
        null);
  }

  /**
   * A function over a window or the whole history cannot take a value computed bar by bar (its
   * columns do not exist when the call would run); the element-wise ones can.
   */
  private Node rejectStepwise(Ast.Call c, Node call) {
    if (call == null || BarByBar.ELEMENTWISE.contains(c.function())) {
      return call;
    }
    for (Node in : call.in) {
      if (in.stepwise()) {
        return fail(
            c.span(),
            c.function()
                + " cannot take "
                + (in.dependsOnState
                    ? "a value computed from the position state (equity, position_size, ...)"
                    : "a value that reads its own series' earlier values (x[1])")
                + ": such values are computed bar by bar, and only arithmetic, comparisons, and,"
                + " or, not, ?:, [n], "
                + String.join(", ", BarByBar.ELEMENTWISE)
                + " work on them");
      }
    }
    return call;
  }

  private Node call(Ast.Call c) {
    String fn = c.function();
    Builtins.Builtin builtin = Builtins.get(fn);
    if (fn.equals(Plots.NAME)) {
      return fail(
          c.span(), "plot(...) draws a series and has no value: write it on a line of its own");
    }
    if (fn.equals(Timeframes.NAME)) {
      return security(c);
    }
    if (builtin == null && CrossSection.get(fn) != null) {
      return crossSectional(c, CrossSection.get(fn));
    }
    if (builtin == null) {
      if (PRICES.contains(fn) || TIMES.contains(fn)) {
        return fail(
            c.span(),
            "'" + fn + "' is a series, not a function: write " + fn + " without parentheses");
      }
      if (variables.containsKey(fn)) {
        return fail(c.span(), "'" + fn + "' is a value, not a function");
      }
      List<String> functions = new ArrayList<>(Builtins.names());
      functions.addAll(CrossSection.names());
      functions.add(Plots.NAME);
      functions.add(Timeframes.NAME);
      String suggestion = Suggest.closest(fn, functions);
      return fail(
          c.span(),
          "unknown function '"
              + fn
              + "'"
              + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
    }
    return rejectStepwise(c, calls.call(c, builtin));
  }

  /**
   * A cross-sectional call: its arguments are checked like any call's; it is one node whose stage
   * is one above its arguments', at most {@link Limits#MAX_CROSS_NESTING} deep.
   */
  private Node crossSectional(Ast.Call c, FunctionSpec spec) {
    if (plan.frame() != null) {
      return fail(
          c.span(),
          c.function()
              + " compares the symbols of a universe bar by bar, so it cannot be used inside"
              + " security(...); apply it to the security's value instead");
    }
    Node[] args = calls.arguments(c, spec);
    if (args == null) {
      return null;
    }
    for (Node a : args) {
      if (a.stepwise()) {
        return fail(
            c.span(),
            c.function()
                + " compares the symbols of a universe and cannot take a value computed bar by bar"
                + " (from the position state or its own earlier values)");
      }
    }
    boolean known = true;
    for (Node a : args) {
      known &= a.knownAtOpen;
    }
    Node.Type type = spec.result().equals("bool") ? Node.Type.BOOL : Node.Type.NUM;
    Node n =
        plan.node(
            Op.CROSS, args, c.function(), 0, type, true, Plan.union(args), known, c.span(), null);
    if (n.stage > Limits.MAX_CROSS_NESTING) {
      return fail(
          c.span(),
          "cross-sectional functions (rank, top, zscore_cs, ...) may be nested at most "
              + Limits.MAX_CROSS_NESTING
              + " deep, each one inside the argument of another; this one is level "
              + n.stage);
    }
    return n;
  }

  /**
   * {@code security("1w", expression)}: the expression, and every name it uses, compiled again as
   * nodes of the coarser interval's bars, and one node that brings its values back to the bars of
   * the enclosing frame once each coarser bar has closed ({@link Timeframes}). Whether the run's
   * bars can be resampled to the interval is checked when they are known.
   */
  private Node security(Ast.Call c) {
    if (!c.named().isEmpty() || c.args().size() != 2) {
      return fail(
          c.span(),
          "security takes two arguments, a timeframe and an expression, as in"
              + " security(\"1w\", close)");
    }
    Expr timeframe = c.args().get(0);
    if (!(timeframe instanceof Ast.Text text)) {
      return fail(
          timeframe.span(),
          "the timeframe of security must be a literal text such as \"1w\" (one of "
              + String.join(", ", Timeframes.SPEC.params().get(0).choices())
              + ")");
    }
    Interval interval;
    try {
      interval = Interval.fromCode(text.value());
    } catch (IllegalArgumentException e) {
      return fail(timeframe.span(), e.getMessage());
    }
    if (interval == Interval.M1) {
      return fail(
          timeframe.span(),
          "security(\"1m\", ...) would need bars shorter than a minute; use a longer interval"
              + " (1M, with a capital M, is a month)");
    }
    Interval enclosing = plan.frame();
    if (enclosing != null) {
      String problem = Timeframes.problem(interval, enclosing);
      if (problem != null) {
        return fail(
            timeframe.span(),
            problem + "; a security inside another needs a coarser interval than the outer one");
      }
    }
    Expr inner = c.args().get(1);
    // A self-referencing series and the account's state are computed bar by bar on the run's own
    // bars, as the run goes; neither has values on a coarser interval's bars.
    for (String name : namesUsed(inner)) {
      if (readsItself(definitions.get(name), name)) {
        return fail(
            inner.span(),
            "security cannot use '"
                + name
                + "', a series that reads its own earlier values: it is computed on the run's own"
                + " bars; compute it inside security from built-in functions (such as rma or ema)"
                + " instead");
      }
    }
    prepareFrame(interval, inner);
    Interval previous = plan.enterFrame(interval);
    Node value;
    try {
      value = argument(inner);
    } finally {
      plan.enterFrame(previous);
    }
    if (value == null) {
      return null;
    }
    if (value.type == Node.Type.STRING) {
      return fail(inner.span(), "security needs a number or bool series, not a text");
    }
    if (value.dependsOnState) {
      return fail(
          inner.span(),
          "security cannot use the position state ("
              + String.join(", ", PositionState.ALL.keySet())
              + "): the account exists only on the run's own bars; use the state outside security");
    }
    if (!value.series) {
      return value; // the same on bars of any interval
    }
    return plan.node(
        Op.SECURITY,
        new Node[] {value},
        interval.code(),
        0,
        value.type,
        true,
        value.params,
        false,
        c.span(),
        null);
  }

  /**
   * Compiles, on {@code interval}'s bars and in source order, every assigned name {@code inner}
   * uses directly or through other names, once per interval: each is then compiled with its inputs
   * already there, so no chain of names deepens the recursion.
   */
  private void prepareFrame(Interval interval, Expr inner) {
    Map<String, Node> compiled = frameVariables.computeIfAbsent(interval, k -> new HashMap<>());
    Set<String> wanted = namesUsed(inner);
    for (Map.Entry<String, Expr> d : definitions.entrySet()) {
      if (!wanted.contains(d.getKey()) || compiled.containsKey(d.getKey())) {
        continue;
      }
      Interval previous = plan.enterFrame(interval);
      try {
        compiled.put(d.getKey(), expr(d.getValue()));
      } finally {
        plan.enterFrame(previous);
      }
    }
  }

  /** The assigned names an expression uses, directly or through other names; iterative. */
  private Set<String> namesUsed(Expr root) {
    Set<String> names = new HashSet<>();
    java.util.ArrayDeque<Expr> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (e instanceof Ast.Name n) {
        if (definitions.containsKey(n.name()) && names.add(n.name())) {
          stack.push(definitions.get(n.name()));
        }
      } else if (e instanceof Ast.Unary u) {
        stack.push(u.operand());
      } else if (e instanceof Ast.Binary b) {
        stack.push(b.left());
        stack.push(b.right());
      } else if (e instanceof Ast.Ternary t) {
        stack.push(t.condition());
        stack.push(t.whenTrue());
        stack.push(t.whenFalse());
      } else if (e instanceof Ast.Index i) {
        stack.push(i.target());
        stack.push(i.offset());
      } else if (e instanceof Ast.Call call) {
        call.args().forEach(stack::push);
        call.named().forEach(a -> stack.push(a.value()));
      } else if (e instanceof Ast.Field f) {
        stack.push(f.target());
      }
    }
    return names;
  }

  private Node field(Ast.Field f) {
    Node target = expr(f.target());
    if (target == null) {
      return null;
    }
    if (!isMulti(target)) {
      return fail(
          f.span(),
          "'."
              + f.field()
              + "' only applies to functions with several outputs such as macd or bbands");
    }
    List<String> fields = target.builtin.spec().fields();
    if (!fields.contains(f.field())) {
      return fail(
          f.span(),
          target.name
              + " has no output '"
              + f.field()
              + "'; its outputs are "
              + String.join(", ", fields));
    }
    return plan.node(
        Op.FIELD,
        new Node[] {target},
        f.field(),
        0,
        Node.Type.NUM,
        true,
        target.params,
        target.knownAtOpen,
        f.span(),
        null);
  }

  // ---- helpers

  private boolean rejectMulti(Node n, Span span) {
    if (isMulti(n)) {
      errors.add(span.error(multiMessage(n)));
      return true;
    }
    return false;
  }

  private static boolean isMulti(Node n) {
    return n.op == Op.CALL && n.builtin.spec().result().equals("fields");
  }

  private static String multiMessage(Node n) {
    List<String> fields = n.builtin.spec().fields();
    return n.name
        + " has several outputs: use "
        + String.join(
            ", ", fields.subList(0, fields.size() - 1).stream().map(x -> "." + x).toList())
        + " or ."
        + fields.get(fields.size() - 1);
  }

  /** Compiles a call's argument, which must be one value; null once its error is recorded. */
  private Node argument(Expr e) {
    Node value = expr(e);
    return value == null || rejectMulti(value, e.span()) ? null : value;
  }

  /**
   * Why a series' own earlier value is a number where a bool was expected: a self-referencing
   * series is a number.
   */
  private static String selfHint(Node n) {
    return n.op == Op.SELF
        ? " ("
            + n.name
            + " reads its own earlier values, so it is a number: use 1 and 0 for true and false,"
            + " as in "
            + n.name
            + "[1] == 1)"
        : "";
  }

  private Node fail(Span span, String message) {
    errors.add(span.error(message));
    return null;
  }

  private double paramMin(String name) {
    ParamSpec p = params.get(name);
    return p.min() != null ? p.min() : p.defaultValue();
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
