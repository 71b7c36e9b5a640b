package com.tradingbacktest.engine.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compiles strategy source (docs/STRATEGY_LANGUAGE.md) into a {@link CompiledStrategy}, or into
 * every error found. Safe for any input: it never throws for bad source, never loops and never
 * recurses without bound; the language has no loops, no I/O and no access to the host.
 */
public final class StrategyCompiler {

  private StrategyCompiler() {}

  /** The outcome: a strategy when {@code errors} is empty. */
  public record Compilation(CompiledStrategy strategy, List<Diagnostic> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public static Compilation compile(String source) {
    List<Diagnostic> errors = new ArrayList<>();
    if (source == null || source.isBlank()) {
      errors.add(
          new Diagnostic(
              1, 1, 1, "the strategy is empty: assign long_entry (or short_entry) to trade"));
      return new Compilation(null, errors);
    }
    if (source.length() > Limits.MAX_SOURCE_CHARS) {
      errors.add(
          new Diagnostic(
              1,
              1,
              1,
              "the strategy is "
                  + source.length()
                  + " characters long; the limit is "
                  + Limits.MAX_SOURCE_CHARS));
      return new Compilation(null, errors);
    }
    List<Token> tokens = Lexer.lex(source, errors);
    List<Ast.Statement> statements = Parser.parse(tokens, errors);
    if (statements.size() > Limits.MAX_STATEMENTS) {
      errors.add(
          statements
              .get(Limits.MAX_STATEMENTS)
              .span()
              .error(
                  "the strategy has "
                      + statements.size()
                      + " statements; the limit is "
                      + Limits.MAX_STATEMENTS));
      return new Compilation(null, sorted(errors));
    }
    Compiler.Result plan = Compiler.compile(statements, errors);
    if (!errors.isEmpty()) {
      return new Compilation(null, sorted(errors));
    }
    return new Compilation(
        new CompiledStrategy(
            plan.nodes(),
            plan.params(),
            plan.outputs(),
            plan.plots(),
            plan.rebalance(),
            plan.pyramiding(),
            plan.constraints()),
        List.of());
  }

  private static List<Diagnostic> sorted(List<Diagnostic> errors) {
    List<Diagnostic> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return List.copyOf(copy);
  }
}
