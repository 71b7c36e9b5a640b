package com.tradingbacktest.engine.lang;

/** A lexical token with its place in the source. */
record Token(Kind kind, String text, double number, int line, int column, int offset) {

  enum Kind {
    IDENT,
    NUMBER,
    PERCENT_NUMBER,
    STRING,
    PARAM,
    IN,
    STEP,
    TRUE,
    FALSE,
    AND,
    OR,
    NOT,
    NA,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    LT,
    LE,
    GT,
    GE,
    EQ,
    NE,
    ASSIGN,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    DOTDOT,
    QUESTION,
    COLON,
    NEWLINE,
    EOF
  }

  int length() {
    return Math.max(1, text.length());
  }

  Diagnostic error(String message) {
    return new Diagnostic(line, column, length(), message);
  }

  String describe() {
    return switch (kind) {
      case NEWLINE -> "the end of the line";
      case EOF -> "the end of the source";
      case IDENT -> "'" + text + "'";
      case NUMBER, PERCENT_NUMBER -> "the number " + text;
      default -> "'" + text + "'";
    };
  }
}
