package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition on a strategy's parameters that a combination of a parameter grid must meet, such as
 * {@code fast < slow}: each side is a param or a number, compared with {@code < <= > >= == !=}.
 * Declared in the strategy ({@code constraint fast < slow}) or given with a request ({@code
 * param_constraints}, {@code --constraint}); a grid skips the combinations that break one before
 * running them.
 *
 * @param left the left operand
 * @param op the comparison as written: {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ==} or
 *     {@code !=}
 * @param right the right operand
 * @param line the strategy line that declares it; 0 when it came with a request
 */
public record ParamConstraint(Operand left, String op, Operand right, int line) {

  /** The word that starts a constraint statement; it stays usable as a name otherwise. */
  static final String KEYWORD = "constraint";

  /** Characters of one constraint given as text: it is a comparison of two names. */
  public static final int MAX_TEXT_CHARS = 200;

  /** One side: a param's name, or a number when {@code param} is null. */
  public record Operand(String param, double value) {
    /** The side's value for these parameter values (NaN for a param not among them). */
    double of(Map<String, Double> values) {
      if (param == null) {
        return value;
      }
      Double v = values.get(param);
      return v == null ? Double.NaN : v;
    }

    @Override
    public String toString() {
      return param != null ? param : Compiler.fmt(value);
    }
  }

  public ParamConstraint {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(right, "right");
  }

  /**
   * True when the values meet the condition. A param missing from {@code values} compares as NaN,
   * which meets only {@code !=}.
   */
  public boolean test(Map<String, Double> values) {
    double a = left.of(values);
    double b = right.of(values);
    return switch (op) {
      case "<" -> a < b;
      case "<=" -> a <= b;
      case ">" -> a > b;
      case ">=" -> a >= b;
      case "==" -> a == b;
      default -> a != b;
    };
  }

  /**
   * What these values do to it, for a message: {@code fast = 40 and slow = 30 break the constraint
   * fast < slow}, {@code slow = 30 breaks the constraint slow <= 20}.
   */
  public String brokenBy(Map<String, Double> values) {
    List<String> names = params();
    return String.join(
            " and ", names.stream().map(p -> p + " = " + Compiler.fmt(values.get(p))).toList())
        + (names.size() == 1 ? " breaks" : " break")
        + " the constraint "
        + this;
  }

  /** The params it names, left first. */
  public List<String> params() {
    List<String> names = new ArrayList<>(2);
    if (left.param != null) {
      names.add(left.param);
    }
    if (right.param != null && !right.param.equals(left.param)) {
      names.add(right.param);
    }
    return names;
  }

  /**
   * A constraint given as text ({@code "fast < slow"}, {@code "slow >= 2 * 10"} is not one: each
   * side is a single param or number).
   *
   * @throws IllegalArgumentException for bad syntax, naming the column
   */
  public static ParamConstraint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a constraint such as 'fast < slow' is required");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException(
          "a constraint has at most " + MAX_TEXT_CHARS + " characters, got " + text.length());
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a constraint is one line, such as 'fast < slow'");
    }
    List<Diagnostic> errors = new ArrayList<>();
    List<Token> tokens = Lexer.lex(text, errors);
    if (!errors.isEmpty()) {
      Diagnostic d = errors.get(0);
      throw new IllegalArgumentException("column " + d.column() + ": " + d.message());
    }
    Reader reader = new Reader(tokens, 0);
    ParamConstraint c = reader.read(0);
    if (c == null) {
      throw new IllegalArgumentException(
          "column " + reader.failedAt().column() + ": " + reader.problem());
    }
    Token after = tokens.get(reader.position());
    if (after.kind() != Kind.NEWLINE && after.kind() != Kind.EOF) {
      throw new IllegalArgumentException(
          "column "
              + after.column()
              + ": expected the end of the constraint, found "
              + after.describe()
              + " (each side is one param or number)");
    }
    return c;
  }

  /** Null when every param it names is declared, else why not (with the closest declared name). */
  public String unknownParam(Map<String, ParamSpec> declared) {
    for (String name : params()) {
      if (!declared.containsKey(name)) {
        String suggestion = Suggest.closest(name, List.copyOf(declared.keySet()));
        return "unknown param '"
            + name
            + "' in the constraint "
            + this
            + (suggestion != null
                ? "; did you mean '" + suggestion + "'?"
                : declared.isEmpty()
                    ? "; the strategy declares no params"
                    : "; the strategy declares " + String.join(", ", declared.keySet()));
      }
    }
    if (left.param == null && right.param == null) {
      return "the constraint " + this + " compares two numbers; name a param on one side";
    }
    return null;
  }

  /** Whether a token can start an operand: a name, a number, or a minus sign before one. */
  static boolean startsOperand(Kind kind) {
    return kind == Kind.IDENT
        || kind == Kind.NUMBER
        || kind == Kind.PERCENT_NUMBER
        || kind == Kind.MINUS;
  }

  @Override
  public String toString() {
    return left + " " + op + " " + right;
  }

  /**
   * Reads {@code operand comparison operand} from tokens; the parser's constraint statement and
   * {@link #parse} share it. On a problem {@link #read} returns null and says why and where.
   */
  static final class Reader {
    private final List<Token> tokens;
    private int pos;
    private String problem;
    private Token failedAt;
    private Token leftToken;
    private Token rightToken;

    Reader(List<Token> tokens, int pos) {
      this.tokens = tokens;
      this.pos = pos;
    }

    ParamConstraint read(int line) {
      Operand left = operand(true);
      if (left == null) {
        return null;
      }
      Token op = tokens.get(pos);
      if (!isComparison(op.kind())) {
        return fail(
            op,
            "expected a comparison (<, <=, >, >=, == or !=) after "
                + left
                + ", found "
                + op.describe());
      }
      pos++;
      Operand right = operand(false);
      if (right == null) {
        return null;
      }
      return new ParamConstraint(left, op.text(), right, line);
    }

    private Operand operand(boolean isLeft) {
      Token t = tokens.get(pos);
      boolean negative = false;
      if (t.kind() == Kind.MINUS) {
        negative = true;
        pos++;
        t = tokens.get(pos);
      }
      if (t.kind() == Kind.IDENT && !negative) {
        pos++;
        remember(isLeft, t);
        return new Operand(t.text(), 0);
      }
      if (t.kind() == Kind.NUMBER || t.kind() == Kind.PERCENT_NUMBER) {
        pos++;
        remember(isLeft, t);
        return new Operand(null, negative ? -t.number() : t.number());
      }
      fail(
          t,
          "expected a param or a number "
              + (isLeft ? "to compare" : "after the comparison")
              + ", found "
              + t.describe());
      return null;
    }

    private void remember(boolean isLeft, Token t) {
      if (isLeft) {
        leftToken = t;
      } else {
        rightToken = t;
      }
    }

    private static boolean isComparison(Kind k) {
      return k == Kind.LT
          || k == Kind.LE
          || k == Kind.GT
          || k == Kind.GE
          || k == Kind.EQ
          || k == Kind.NE;
    }

    private ParamConstraint fail(Token at, String message) {
      failedAt = at;
      problem = message;
      return null;
    }

    int position() {
      return pos;
    }

    String problem() {
      return problem;
    }

    Token failedAt() {
      return failedAt;
    }

    Token leftToken() {
      return leftToken;
    }

    Token rightToken() {
      return rightToken;
    }
  }
}
