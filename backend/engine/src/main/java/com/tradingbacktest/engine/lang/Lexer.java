package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns source text into tokens. Comments run from {@code #} or {@code //} to the end of the line.
 * Newlines end statements, except after a binary operator or a comma (the parser also ignores them
 * inside parentheses and brackets), so long expressions can be wrapped.
 */
final class Lexer {

  private static final Map<String, Kind> KEYWORDS =
      Map.of(
          "param",
          Kind.PARAM,
          "in",
          Kind.IN,
          "step",
          Kind.STEP,
          "true",
          Kind.TRUE,
          "false",
          Kind.FALSE,
          "and",
          Kind.AND,
          "or",
          Kind.OR,
          "not",
          Kind.NOT,
          "na",
          Kind.NA);

  private final String src;
  private final List<Diagnostic> errors;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String src, List<Diagnostic> errors) {
    this.src = src;
    this.errors = errors;
  }

  static List<Token> lex(String source, List<Diagnostic> errors) {
    Lexer lexer = new Lexer(source, errors);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        newline();
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
        number();
      } else if (Character.isLetter(c) || c == '_') {
        identifier();
      } else if (c == '"' || c == '\'') {
        string(c);
      } else {
        symbol(c);
      }
    }
    add(Kind.NEWLINE, "", pos);
    add(Kind.EOF, "", pos);
  }

  private void newline() {
    Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    // Inside brackets the parser skips newlines itself (and can then recover from a missing ')').
    boolean continues = last != null && isBinaryOperator(last.kind());
    if (!continues && last != null && last.kind() != Kind.NEWLINE) {
      add(Kind.NEWLINE, "\n", pos);
    }
    pos++;
    line++;
    lineStart = pos;
  }

  private static boolean isBinaryOperator(Kind kind) {
    return switch (kind) {
      case PLUS,
          MINUS,
          STAR,
          SLASH,
          LT,
          LE,
          GT,
          GE,
          EQ,
          NE,
          AND,
          OR,
          QUESTION,
          COLON,
          COMMA,
          ASSIGN ->
          true;
      default -> false;
    };
  }

  private void number() {
    int start = pos;
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    // "1..10" is a range: the first dot is not a decimal point.
    if (pos < src.length() && src.charAt(pos) == '.' && peek(1) != '.') {
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length()
        && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')
        && (Character.isDigit(peek(1))
            || ((peek(1) == '-' || peek(1) == '+') && Character.isDigit(peek(2))))) {
      pos += 2;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    String text = src.substring(start, pos);
    double value;
    try {
      value = Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      errors.add(
          new Diagnostic(
              line, start - lineStart + 1, text.length(), "'" + text + "' is not a number"));
      value = 0;
    }
    if (pos < src.length() && src.charAt(pos) == '%') {
      pos++;
      tokens.add(
          new Token(
              Kind.PERCENT_NUMBER,
              src.substring(start, pos),
              value / 100,
              line,
              start - lineStart + 1,
              start));
    } else {
      tokens.add(new Token(Kind.NUMBER, text, value, line, start - lineStart + 1, start));
    }
    if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
      int bad = pos;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      errors.add(
          new Diagnostic(
              line,
              start - lineStart + 1,
              pos - start,
              "'"
                  + src.substring(start, pos)
                  + "' is not a number or a name (names cannot start with a digit)"));
      if (bad == pos) {
        pos++;
      }
    }
  }

  private void identifier() {
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    String text = src.substring(start, pos);
    add(KEYWORDS.getOrDefault(text, Kind.IDENT), text, start);
  }

  /**
   * A text literal in double quotes, on one line, with the escapes {@code \"} and {@code \\} only:
   * texts are titles and codes (a plot's title, a colour), never prose, so a newline or a tab in
   * one would only break the chart's legend. Single quotes are refused with a hint, and the token
   * is still made so the rest of the line is checked.
   */
  private void string(char quote) {
    int start = pos++;
    if (quote == '\'') {
      errors.add(
          new Diagnostic(
              line, start - lineStart + 1, 1, "write text in double quotes: \"like this\""));
    }
    int characters = 0;
    boolean closed = false;
    while (pos < src.length() && src.charAt(pos) != '\n') {
      char c = src.charAt(pos);
      if (c == quote) {
        pos++;
        closed = true;
        break;
      }
      if (c == '\\' && quote == '"') {
        char escaped = peek(1);
        if (escaped != '"' && escaped != '\\') {
          errors.add(
              new Diagnostic(
                  line,
                  pos - lineStart + 1,
                  escaped == '\n' || escaped == '\0' ? 1 : 2,
                  "unknown escape in a text: only \\\" (a quote) and \\\\ (a backslash) are allowed"));
          pos++;
          characters++;
          continue;
        }
        pos += 2;
      } else {
        pos += Character.charCount(src.codePointAt(pos));
      }
      characters++;
    }
    if (!closed) {
      errors.add(
          new Diagnostic(
              line, start - lineStart + 1, pos - start, "this text has no closing " + quote));
    } else if (characters > Limits.MAX_TEXT_CHARS) {
      errors.add(
          new Diagnostic(
              line,
              start - lineStart + 1,
              pos - start,
              "a text may have at most "
                  + Limits.MAX_TEXT_CHARS
                  + " characters; this one has "
                  + characters));
    }
    String text = src.substring(start, pos);
    tokens.add(new Token(Kind.STRING, text, 0, line, start - lineStart + 1, start));
  }

  /**
   * The value of a text token: the characters between its quotes with escapes resolved. Lenient,
   * since the lexer has already reported a missing quote or an unknown escape.
   */
  static String textValue(String token) {
    if (token.isEmpty()) {
      return token;
    }
    char quote = token.charAt(0);
    int end =
        token.length() > 1 && token.charAt(token.length() - 1) == quote
            ? token.length() - 1
            : token.length();
    StringBuilder value = new StringBuilder(end);
    for (int i = 1; i < end; i++) {
      char c = token.charAt(i);
      if (c == '\\' && i + 1 < end && (token.charAt(i + 1) == '"' || token.charAt(i + 1) == '\\')) {
        value.append(token.charAt(++i));
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private void symbol(char c) {
    int start = pos;
    Kind kind;
    int width = 1;
    switch (c) {
      case '+' -> kind = Kind.PLUS;
      case '-' -> kind = Kind.MINUS;
      case '*' -> kind = Kind.STAR;
      case '/' -> kind = Kind.SLASH;
      case '(' -> kind = Kind.LPAREN;
      case ')' -> kind = Kind.RPAREN;
      case '[' -> kind = Kind.LBRACKET;
      case ']' -> kind = Kind.RBRACKET;
      case ',' -> kind = Kind.COMMA;
      case '?' -> kind = Kind.QUESTION;
      case ':' -> {
        if (peek(1) == '=') {
          kind = Kind.ASSIGN; // Pine's reassignment reads like an assignment here
          width = 2;
        } else {
          kind = Kind.COLON;
        }
      }
      case '.' -> {
        if (peek(1) == '.') {
          kind = Kind.DOTDOT;
          width = 2;
        } else {
          kind = Kind.DOT;
        }
      }
      case '<' -> {
        kind = peek(1) == '=' ? Kind.LE : Kind.LT;
        width = peek(1) == '=' ? 2 : 1;
      }
      case '>' -> {
        kind = peek(1) == '=' ? Kind.GE : Kind.GT;
        width = peek(1) == '=' ? 2 : 1;
      }
      case '=' -> {
        kind = peek(1) == '=' ? Kind.EQ : Kind.ASSIGN;
        width = peek(1) == '=' ? 2 : 1;
      }
      case '!' -> {
        kind = peek(1) == '=' ? Kind.NE : Kind.NOT;
        width = peek(1) == '=' ? 2 : 1;
      }
      case '&' -> {
        kind = Kind.AND;
        width = peek(1) == '&' ? 2 : 1;
      }
      case '|' -> {
        kind = Kind.OR;
        width = peek(1) == '|' ? 2 : 1;
      }
      default -> {
        // A whole code point: an emoji is two chars (a surrogate pair), and half of one is
        // not a character anyone typed. Columns stay in UTF-16 units, as the editor counts them.
        int chars = Character.charCount(src.codePointAt(pos));
        errors.add(
            new Diagnostic(
                line,
                pos - lineStart + 1,
                chars,
                "unexpected character '" + src.substring(pos, pos + chars) + "'"));
        pos += chars;
        return;
      }
    }
    pos += width;
    add(kind, src.substring(start, pos), start);
  }

  private void add(Kind kind, String text, int start) {
    tokens.add(new Token(kind, text, 0, line, start - lineStart + 1, start));
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }
}
