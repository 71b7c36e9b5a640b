package com.tradingbacktest.engine.lang;

/**
 * A compile error at a place in the source, for the editor's markers.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param length characters to underline (at least 1)
 * @param message what is wrong, in a trader's words
 */
public record Diagnostic(int line, int column, int length, String message) {

  @Override
  public String toString() {
    return line + ":" + column + ": " + message;
  }
}
