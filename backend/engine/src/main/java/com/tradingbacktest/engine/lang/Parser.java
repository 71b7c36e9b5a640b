package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Ast.Assign;
import com.tradingbacktest.engine.lang.Ast.Expr;
import com.tradingbacktest.engine.lang.Ast.Param;
import com.tradingbacktest.engine.lang.Ast.Span;
import com.tradingbacktest.engine.lang.Ast.Statement;
import com.tradingbacktest.engine.lang.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the grammar of docs/STRATEGY_LANGUAGE.md. On an error it records it, skips
 * to the end of the statement and goes on, so one compile reports every broken line. Nesting is
 * bounded ({@link Limits#MAX_NESTING}) so no source can exhaust the stack.
 */
final class Parser {

  private final List<Token> tokens;
  private final List<Diagnostic> errors;
  private int pos;
  private int depth;

  /** Open parentheses and brackets: inside them newlines do not end the statement. */
  private int brackets;

  /**
   * Height of each expression built, so no statement's tree is deeper than the compiler may
   * recurse.
   */
  private final java.util.IdentityHashMap<Expr, Integer> heights =
      new java.util.IdentityHashMap<>();

  private Parser(List<Token> tokens, List<Diagnostic> errors) {
    this.tokens = tokens;
    this.errors = errors;
  }

  static List<Statement> parse(List<Token> tokens, List<Diagnostic> errors) {
    return new Parser(tokens, errors).program();
  }

  /** Thrown to abandon the current statement; the error is already recorded. */
  private static final class Abandon extends RuntimeException {
    Abandon() {
      super(null, null, false, false);
    }
  }

  private List<Statement> program() {
    List<Statement> statements = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      if (peek().kind() == Kind.NEWLINE) {
        pos++;
        continue;
      }
      Token first = peek();
      boolean assignment = first.kind() == Kind.IDENT && peekAt(1).kind() == Kind.ASSIGN;
      try {
        statements.add(statement());
        if (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.EOF) {
          throw fail(
              peek(),
              "expected the end of the line after this statement, found " + peek().describe());
        }
      } catch (Abandon e) {
        if (assignment) {
          // Remember the name, without a value, so its later uses are not reported as unknown too.
          statements.add(new Assign(first.text(), null, Span.of(first), Span.of(first)));
        }
        brackets = 0;
        while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.EOF) {
          pos++;
        }
      }
    }
    return statements;
  }

  private Statement statement() {
    Token first = peek();
    if (first.kind() == Kind.PARAM) {
      return param();
    }
    if (first.kind() == Kind.IDENT
        && first.text().equals(ParamConstraint.KEYWORD)
        && ParamConstraint.startsOperand(peekAt(1).kind())) {
      return constraint();
    }
    if (first.kind() == Kind.IDENT && peekAt(1).kind() == Kind.ASSIGN) {
      pos += 2;
      Expr value = expression();
      return new Assign(
          first.text(), value, Span.cover(Span.of(first), value.span()), Span.of(first));
    }
    if (first.kind() == Kind.IDENT && peekAt(1).kind() == Kind.LPAREN) {
      Expr value = expression();
      if (value instanceof Ast.Call call) {
        return new Ast.CallStatement(call);
      }
      throw fail(
          first,
          "a statement is name = expression or a call such as plot(...), but this line computes"
              + " a value it does not keep; assign it to a name");
    }
    if (first.kind() == Kind.IDENT) {
      throw fail(
          peekAt(1),
          "expected '=' after '" + first.text() + "' (a statement is name = expression)");
    }
    throw fail(first, "a statement starts with a name or 'param', not " + first.describe());
  }

  private Param param() {
    Token keyword = next();
    Token name = expect(Kind.IDENT, "a parameter name after 'param'");
    expect(Kind.ASSIGN, "'=' and a default value after the parameter name");
    double value = signedNumber("a default value");
    double min = Double.NaN;
    double max = Double.NaN;
    double step = Double.NaN;
    if (peek().kind() == Kind.IN) {
      next();
      min = signedNumber("the lowest value of the range (e.g. 2..100)");
      expect(Kind.DOTDOT, "'..' between the lowest and highest value");
      max = signedNumber("the highest value of the range");
      if (peek().kind() == Kind.STEP) {
        next();
        step = signedNumber("a step size");
      }
    }
    Token last = tokens.get(pos - 1);
    return new Param(
        name.text(),
        value,
        min,
        max,
        step,
        Span.cover(Span.of(keyword), Span.of(last)),
        Span.of(name));
  }

  /** {@code constraint fast < slow}: two operands (params or numbers) and a comparison. */
  private Ast.ConstraintDecl constraint() {
    Token keyword = next();
    ParamConstraint.Reader reader = new ParamConstraint.Reader(tokens, pos);
    ParamConstraint c = reader.read(keyword.line());
    pos = reader.position();
    if (c == null) {
      throw fail(reader.failedAt(), reader.problem());
    }
    return new Ast.ConstraintDecl(
        c,
        Span.of(reader.leftToken()),
        Span.of(reader.rightToken()),
        Span.cover(Span.of(keyword), Span.of(tokens.get(pos - 1))));
  }

  private double signedNumber(String what) {
    boolean negative = false;
    if (peek().kind() == Kind.MINUS) {
      next();
      negative = true;
    }
    Token t = peek();
    if (t.kind() == Kind.NUMBER || t.kind() == Kind.PERCENT_NUMBER) {
      next();
      return negative ? -t.number() : t.number();
    }
    throw fail(t, "expected " + what + ", found " + t.describe());
  }

  Expr expression() {
    if (++depth > Limits.MAX_NESTING) {
      throw fail(
          peek(),
          "this expression is nested too deeply (more than " + Limits.MAX_NESTING + " levels)");
    }
    try {
      return ternary();
    } finally {
      depth--;
    }
  }

  private Expr ternary() {
    Expr condition = or();
    if (peek().kind() != Kind.QUESTION) {
      return condition;
    }
    next();
    Expr whenTrue = expression();
    expect(Kind.COLON, "':' between the two branches of 'condition ? a : b'");
    Expr whenFalse = expression();
    return grown(
        new Ast.Ternary(
            condition, whenTrue, whenFalse, Span.cover(condition.span(), whenFalse.span())),
        condition,
        whenTrue,
        whenFalse);
  }

  private Expr or() {
    Expr left = and();
    while (peek().kind() == Kind.OR) {
      next();
      Expr right = and();
      left =
          grown(
              new Ast.Binary("or", left, right, Span.cover(left.span(), right.span())),
              left,
              right);
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (peek().kind() == Kind.AND) {
      next();
      Expr right = not();
      left =
          grown(
              new Ast.Binary("and", left, right, Span.cover(left.span(), right.span())),
              left,
              right);
    }
    return left;
  }

  private Expr not() {
    if (peek().kind() == Kind.NOT) {
      Token op = next();
      nest(op);
      try {
        Expr operand = not();
        return grown(
            new Ast.Unary("not", operand, Span.cover(Span.of(op), operand.span())), operand);
      } finally {
        depth--;
      }
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    Kind k = peek().kind();
    if (k == Kind.LT
        || k == Kind.LE
        || k == Kind.GT
        || k == Kind.GE
        || k == Kind.EQ
        || k == Kind.NE) {
      Token op = next();
      Expr right = additive();
      Kind after = peek().kind();
      if (after == Kind.LT
          || after == Kind.LE
          || after == Kind.GT
          || after == Kind.GE
          || after == Kind.EQ
          || after == Kind.NE) {
        throw fail(peek(), "comparisons cannot be chained; write 'a < b and b < c'");
      }
      return grown(
          new Ast.Binary(op.text(), left, right, Span.cover(left.span(), right.span())),
          left,
          right);
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
      Token op = next();
      Expr right = multiplicative();
      left =
          grown(
              new Ast.Binary(op.text(), left, right, Span.cover(left.span(), right.span())),
              left,
              right);
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH) {
      Token op = next();
      Expr right = unary();
      left =
          grown(
              new Ast.Binary(op.text(), left, right, Span.cover(left.span(), right.span())),
              left,
              right);
    }
    return left;
  }

  private Expr unary() {
    if (peek().kind() == Kind.MINUS || peek().kind() == Kind.PLUS) {
      Token op = next();
      nest(op);
      try {
        Expr operand = unary();
        return grown(
            new Ast.Unary(op.text(), operand, Span.cover(Span.of(op), operand.span())), operand);
      } finally {
        depth--;
      }
    }
    return postfix();
  }

  private Expr postfix() {
    Expr expr = primary();
    while (true) {
      Kind k = peek().kind();
      if (k == Kind.LBRACKET) {
        next();
        brackets++;
        Expr offset = expression();
        Token close = expectClosing(Kind.RBRACKET, "']' after the history offset");
        expr =
            grown(
                new Ast.Index(expr, offset, Span.cover(expr.span(), Span.of(close))), expr, offset);
      } else if (k == Kind.DOT) {
        next();
        Token field = expect(Kind.IDENT, "a field name after '.' (e.g. .signal)");
        expr =
            grown(new Ast.Field(expr, field.text(), Span.cover(expr.span(), Span.of(field))), expr);
      } else if (k == Kind.LPAREN) {
        if (!(expr instanceof Ast.Name name)) {
          throw fail(peek(), "only functions can be called; this is not a function name");
        }
        expr = call(name);
      } else {
        return expr;
      }
    }
  }

  private Expr call(Ast.Name function) {
    next(); // (
    brackets++;
    List<Expr> args = new ArrayList<>();
    List<Ast.NamedArg> named = new ArrayList<>();
    if (peek().kind() != Kind.RPAREN) {
      do {
        if (peek().kind() == Kind.IDENT && peekAt(1).kind() == Kind.ASSIGN) {
          Token name = next();
          next();
          Expr value = expression();
          named.add(new Ast.NamedArg(name.text(), value, Span.cover(Span.of(name), value.span())));
        } else {
          if (!named.isEmpty()) {
            throw fail(peek(), "positional arguments must come before named ones");
          }
          args.add(expression());
        }
      } while (accept(Kind.COMMA));
    }
    Token close = expectClosing(Kind.RPAREN, "')' to close the call of " + function.name());
    List<Expr> all = new ArrayList<>(args);
    named.forEach(n -> all.add(n.value()));
    return grown(
        new Ast.Call(function.name(), args, named, Span.cover(function.span(), Span.of(close))),
        all.toArray(new Expr[0]));
  }

  private Expr primary() {
    Token t = next();
    return switch (t.kind()) {
      case NUMBER -> new Ast.Num(t.number(), false, Span.of(t));
      case PERCENT_NUMBER -> new Ast.Num(t.number(), true, Span.of(t));
      case TRUE -> new Ast.Bool(true, Span.of(t));
      case FALSE -> new Ast.Bool(false, Span.of(t));
      case NA -> new Ast.Na(Span.of(t));
      case STRING -> new Ast.Text(Lexer.textValue(t.text()), Span.of(t));
      case IDENT -> new Ast.Name(t.text(), Span.of(t));
      case LPAREN -> {
        brackets++;
        Expr inner = expression();
        expectClosing(Kind.RPAREN, "')' to close '('");
        yield inner;
      }
      default -> {
        pos--;
        throw fail(t, "expected a value, a name or '(', found " + t.describe());
      }
    };
  }

  /**
   * Records the height of a new node; refuses trees deeper than {@link
   * Limits#MAX_EXPRESSION_DEPTH}.
   */
  private Expr grown(Expr node, Expr... children) {
    int height = 0;
    for (Expr child : children) {
      height = Math.max(height, heights.getOrDefault(child, 1));
    }
    height++;
    if (height > Limits.MAX_EXPRESSION_DEPTH) {
      errors.add(
          node.span()
              .error(
                  "this expression is too deep (more than "
                      + Limits.MAX_EXPRESSION_DEPTH
                      + " operations inside each other); split it into named parts"));
      throw new Abandon();
    }
    heights.put(node, height);
    return node;
  }

  private void nest(Token at) {
    if (++depth > Limits.MAX_NESTING) {
      depth--;
      throw fail(
          at, "this expression is nested too deeply (more than " + Limits.MAX_NESTING + " levels)");
    }
  }

  private Token expect(Kind kind, String what) {
    if (peek().kind() == kind) {
      return next();
    }
    throw fail(peek(), "expected " + what + ", found " + peek().describe());
  }

  /**
   * Expects a closing bracket. When the next line already starts a new statement, the bracket was
   * forgotten: say so at the end of the unfinished line, not at the next statement.
   */
  private Token expectClosing(Kind kind, String what) {
    if (peek().kind() == kind) {
      Token t = next();
      brackets--;
      return t;
    }
    Token previous = tokens.get(Math.max(0, pos - 1));
    Token found = peek();
    if (found.line() > previous.line() && startsStatement()) {
      errors.add(
          new Diagnostic(
              previous.line(),
              previous.column() + previous.length(),
              1,
              "expected " + what + " before the end of the line"));
      brackets = 0;
      // Step back onto the newline so the statement loop resumes at the next statement.
      while (pos > 0 && tokens.get(pos - 1).kind() != Kind.NEWLINE) {
        pos--;
      }
      if (pos > 0) {
        pos--;
      }
      throw new Abandon();
    }
    throw fail(found, "expected " + what + ", found " + found.describe());
  }

  private boolean startsStatement() {
    Token t = peek();
    return t.kind() == Kind.PARAM
        || (t.kind() == Kind.IDENT
            && (peekAt(1).kind() == Kind.ASSIGN || peekAt(1).kind() == Kind.LPAREN));
  }

  private boolean accept(Kind kind) {
    if (peek().kind() == kind) {
      pos++;
      return true;
    }
    return false;
  }

  private Abandon fail(Token at, String message) {
    errors.add(at.error(message));
    return new Abandon();
  }

  private Token next() {
    skipBracketedNewlines();
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private Token peek() {
    skipBracketedNewlines();
    return tokens.get(pos);
  }

  private Token peekAt(int ahead) {
    skipBracketedNewlines();
    int i = pos;
    for (int k = 0; k < ahead && i < tokens.size() - 1; k++) {
      i++;
      while (brackets > 0 && tokens.get(i).kind() == Kind.NEWLINE && i < tokens.size() - 1) {
        i++;
      }
    }
    return tokens.get(i);
  }

  private void skipBracketedNewlines() {
    while (brackets > 0 && tokens.get(pos).kind() == Kind.NEWLINE) {
      pos++;
    }
  }
}
