package com.tradingbacktest.engine.lang;

import java.util.List;

/** The syntax tree. Every node knows where it came from, for error messages. */
final class Ast {

  private Ast() {}

  /** A place in the source. */
  record Span(int line, int column, int length) {
    Diagnostic error(String message) {
      return new Diagnostic(line, column, Math.max(1, length), message);
    }

    static Span of(Token t) {
      return new Span(t.line(), t.column(), t.length());
    }

    /** From the start of {@code a} to the end of {@code b} when both are on one line. */
    static Span cover(Span a, Span b) {
      if (a.line != b.line || b.column < a.column) {
        return a;
      }
      return new Span(a.line, a.column, b.column + b.length - a.column);
    }
  }

  sealed interface Statement permits Param, Assign, CallStatement, ConstraintDecl {
    Span span();
  }

  /** {@code param NAME = default [in MIN..MAX [step S]]}. */
  record Param(
      String name,
      double defaultValue,
      double min,
      double max,
      double step,
      Span span,
      Span nameSpan)
      implements Statement {}

  /**
   * {@code constraint LEFT OP RIGHT}: a condition on the params that a parameter grid's
   * combinations must meet ({@link ParamConstraint}).
   */
  record ConstraintDecl(ParamConstraint constraint, Span leftSpan, Span rightSpan, Span span)
      implements Statement {}

  /** {@code NAME = expr}. */
  record Assign(String name, Expr value, Span span, Span nameSpan) implements Statement {}

  /** A call on a line of its own, such as {@code plot("SMA fast", fast)}. */
  record CallStatement(Call call) implements Statement {
    @Override
    public Span span() {
      return call.span();
    }
  }

  sealed interface Expr
      permits Num, Bool, Na, Name, Unary, Binary, Ternary, Index, Call, Field, Text {
    Span span();
  }

  record Num(double value, boolean percent, Span span) implements Expr {}

  record Bool(boolean value, Span span) implements Expr {}

  record Na(Span span) implements Expr {}

  /** A text literal; {@code value} is what is between the quotes, escapes resolved. */
  record Text(String value, Span span) implements Expr {}

  record Name(String name, Span span) implements Expr {}

  record Unary(String op, Expr operand, Span span) implements Expr {}

  record Binary(String op, Expr left, Expr right, Span span) implements Expr {}

  record Ternary(Expr condition, Expr whenTrue, Expr whenFalse, Span span) implements Expr {}

  record Index(Expr target, Expr offset, Span span) implements Expr {}

  record Call(String function, List<Expr> args, List<NamedArg> named, Span span) implements Expr {}

  record NamedArg(String name, Expr value, Span span) {}

  record Field(Expr target, String field, Span span) implements Expr {}
}
