package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Ast.Expr;
import com.tradingbacktest.engine.lang.Ast.Span;
import com.tradingbacktest.engine.lang.Node.Op;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a call to a built-in: matches its positional and named arguments to the built-in's
 * formals, checks each against its kind and the built-in's own rules, and adds the call to the
 * plan. Which built-in a name refers to is for the {@link Compiler} to decide.
 */
final class CallChecker {

  private final List<Diagnostic> errors;
  private final Plan plan;

  /** The strategy's params so far: a length given as a param is checked by its default. */
  private final Map<String, ParamSpec> params;

  /**
   * Compiles one argument to a single value (not a function with several outputs), or returns null
   * when that failed and the error is recorded. It is the compiler's own recursion.
   */
  private final Function<Expr, Node> argument;

  CallChecker(
      List<Diagnostic> errors,
      Plan plan,
      Map<String, ParamSpec> params,
      Function<Expr, Node> argument) {
    this.errors = errors;
    this.plan = plan;
    this.params = params;
    this.argument = argument;
  }

  /** The call's node, or null when anything is wrong with it (every problem is recorded). */
  Node call(Ast.Call c, Builtins.Builtin builtin) {
    String fn = c.function();
    // No built-in has an optional argument without a default, so every slot is filled.
    Node[] args = arguments(c, builtin.spec());
    if (args == null) {
      return null;
    }
    boolean known = !builtin.usesBars();
    for (Node a : args) {
      known &= a.knownAtOpen;
    }
    if (builtin.check() != null) {
      Object[] constants = new Object[args.length];
      for (int k = 0; k < args.length; k++) {
        constants[k] = args[k].op == Op.NUM ? (Object) args[k].value : null;
      }
      String problem = builtin.check().problem(constants);
      if (problem != null) {
        return fail(c.span(), fn + ": " + problem);
      }
    }
    Node.Type type = builtin.spec().result().equals("bool") ? Node.Type.BOOL : Node.Type.NUM;
    return plan.node(Op.CALL, args, fn, 0, type, true, Plan.union(args), known, c.span(), builtin);
  }

  /**
   * The call's arguments matched to {@code spec}'s formals in order and checked against their
   * kinds, omitted ones filled with their defaults (null for an omitted optional argument without
   * one); null when anything is wrong (every problem is recorded).
   */
  Node[] arguments(Ast.Call c, FunctionSpec spec) {
    String fn = c.function();
    List<FunctionSpec.Arg> formal = spec.params();
    if (c.args().size() > formal.size()) {
      return failArgs(
          c.span(),
          fn
              + " takes "
              + formal.size()
              + " argument"
              + (formal.size() == 1 ? "" : "s")
              + (formal.isEmpty() ? "" : " (" + argNames(formal) + ")")
              + ", got "
              + c.args().size());
    }
    Expr[] given = given(c, formal);
    // A bad name does not stop here: the arguments are still compiled, so their errors show too.
    boolean ok = matchNamed(c, formal, given);
    Node[] args = new Node[formal.size()];
    for (int k = 0; k < formal.size(); k++) {
      FunctionSpec.Arg arg = formal.get(k);
      if (given[k] == null) {
        if (arg.defaultValue() != null) {
          args[k] = plan.constant(arg.defaultValue(), c.span());
        } else if (arg.defaultText() != null) {
          args[k] = plan.text(arg.defaultText(), c.span());
        } else if (arg.required()) {
          errors.add(
              c.span()
                  .error(
                      fn
                          + " needs "
                          + article(arg)
                          + " for "
                          + arg.name()
                          + ": "
                          + spec.signature()));
          ok = false;
        }
        continue;
      }
      Node value = argument.apply(given[k]);
      if (value == null || !checkArg(fn, arg, value, given[k].span())) {
        ok = false;
        continue;
      }
      args[k] = value;
    }
    return ok ? args : null;
  }

  /**
   * Where argument {@code name} of the call is written, for errors about its value; the call's span
   * when it is omitted.
   */
  static Span argumentSpan(Ast.Call c, FunctionSpec spec, String name) {
    for (Ast.NamedArg named : c.named()) {
      if (named.name().equals(name)) {
        return named.value().span();
      }
    }
    int k = indexOf(spec.params(), name);
    return k >= 0 && k < c.args().size() ? c.args().get(k).span() : c.span();
  }

  private static Expr[] given(Ast.Call c, List<FunctionSpec.Arg> formal) {
    Expr[] given = new Expr[formal.size()];
    for (int k = 0; k < c.args().size(); k++) {
      given[k] = c.args().get(k);
    }
    return given;
  }

  /**
   * Puts each named argument in its formal's slot of {@code given}; false when a name is unknown or
   * its slot is already taken.
   */
  private boolean matchNamed(Ast.Call c, List<FunctionSpec.Arg> formal, Expr[] given) {
    String fn = c.function();
    boolean ok = true;
    for (Ast.NamedArg named : c.named()) {
      int k = indexOf(formal, named.name());
      if (k < 0) {
        errors.add(
            named
                .span()
                .error(
                    fn
                        + " has no argument '"
                        + named.name()
                        + "'"
                        + (formal.isEmpty() ? "" : "; its arguments are " + argNames(formal))));
        ok = false;
      } else if (given[k] != null) {
        errors.add(named.span().error(named.name() + " is given twice"));
        ok = false;
      } else {
        given[k] = named.value();
      }
    }
    return ok;
  }

  private boolean checkArg(String fn, FunctionSpec.Arg arg, Node value, Span span) {
    switch (arg.kind()) {
      case "string" -> {
        if (value.op != Op.TEXT) {
          errors.add(
              span.error(
                  fn
                      + " expects a text in double quotes for "
                      + arg.name()
                      + ", got "
                      + value.describe()));
          return false;
        }
        if (!arg.choices().isEmpty() && !arg.choices().contains(value.name)) {
          errors.add(
              span.error(
                  fn
                      + " "
                      + arg.name()
                      + " must be one of "
                      + String.join(", ", arg.choices().stream().map(x -> "\"" + x + "\"").toList())
                      + ", got \""
                      + value.name
                      + "\""));
          return false;
        }
      }
      case "number or bool series" -> {
        if (value.type == Node.Type.STRING) {
          errors.add(
              span.error(
                  fn
                      + " expects a number or true/false series for "
                      + arg.name()
                      + ", got "
                      + value.describe()));
          return false;
        }
      }
      case "series" -> {
        if (value.type != Node.Type.NUM) {
          errors.add(
              span.error(
                  fn + " expects a number series for " + arg.name() + ", got " + value.describe()));
          return false;
        }
      }
      case "bool series" -> {
        if (value.type != Node.Type.BOOL) {
          errors.add(
              span.error(
                  fn
                      + " expects a true/false condition for "
                      + arg.name()
                      + ", got "
                      + value.describe()));
          return false;
        }
      }
      case "length" -> {
        if (value.type != Node.Type.NUM) {
          errors.add(span.error(fn + " expects a length, got " + value.describe()));
          return false;
        }
        if (value.series) {
          errors.add(
              span.error(
                  fn
                      + " expects a length (a whole number or a param), got a series that changes "
                      + "from bar to bar"));
          return false;
        }
        int minimum = arg.minimum() == null ? 1 : arg.minimum();
        if (value.op == Op.NUM) {
          String problem = Lengths.problem(value.value, minimum);
          if (problem != null) {
            errors.add(span.error(fn + " " + arg.name() + " " + problem));
            return false;
          }
        } else if (value.op != Op.PARAM) {
          errors.add(
              span.error(fn + " expects a length as a literal or a param, not a calculation"));
          return false;
        } else {
          String problem = Lengths.problem(params.get(value.name).defaultValue(), minimum);
          if (problem != null) {
            errors.add(
                span.error(
                    fn + " " + arg.name() + ": the default of " + value.name + " " + problem));
            return false;
          }
        }
      }
      default -> { // number
        if (value.type != Node.Type.NUM || value.series) {
          errors.add(
              span.error(
                  fn
                      + " expects a constant number for "
                      + arg.name()
                      + ", got "
                      + value.describe()));
          return false;
        }
        if (value.op != Op.NUM && value.op != Op.PARAM) {
          errors.add(
              span.error(
                  fn + " expects " + arg.name() + " as a literal or a param, not a calculation"));
          return false;
        }
        if (value.op == Op.NUM && !Double.isFinite(value.value) && !fn.equals("nz")) {
          errors.add(
              span.error(
                  fn
                      + " expects a finite number for "
                      + arg.name()
                      + ", got "
                      + Compiler.fmt(value.value)));
          return false;
        }
      }
    }
    return true;
  }

  private Node fail(Span span, String message) {
    errors.add(span.error(message));
    return null;
  }

  private Node[] failArgs(Span span, String message) {
    errors.add(span.error(message));
    return null;
  }

  private static int indexOf(List<FunctionSpec.Arg> formal, String name) {
    for (int k = 0; k < formal.size(); k++) {
      if (formal.get(k).name().equals(name)) {
        return k;
      }
    }
    return -1;
  }

  private static String argNames(List<FunctionSpec.Arg> formal) {
    return String.join(", ", formal.stream().map(FunctionSpec.Arg::name).toList());
  }

  private static String article(FunctionSpec.Arg arg) {
    return switch (arg.kind()) {
      case "length" -> "a length";
      case "bool series" -> "a condition";
      case "number" -> "a number";
      case "string" -> "a text in double quotes";
      default -> "a series";
    };
  }
}
