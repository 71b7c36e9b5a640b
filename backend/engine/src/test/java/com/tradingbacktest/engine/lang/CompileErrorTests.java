package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error the compiler reports, at the right place, in a trader's words. */
class CompileErrorTests {

  private static final String ENTRY = "\nlong_entry = close > open";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      x = sma(close, true)                  | 1 | 16 | sma expects a length, got a bool
      x = sma(close, 2.5)                   | 1 | 16 | sma length must be a whole number, got 2.5
      x = sma(close, 0)                     | 1 | 16 | sma length must be at least 1, got 0
      x = sma(close, 20000)                 | 1 | 16 | sma length must be at most 10000 bars, got 20000
      x = sma(close, close)                 | 1 | 16 | sma expects a length (a whole number or a param), got a series that changes from bar to bar
      x = sma(close, 2 * 3)                 | 1 | 16 | sma expects a length as a literal or a param, not a calculation
      x = sma(close > open, 3)              | 1 | 9  | sma expects a number series for source, got a bool series
      x = sma(close)                        | 1 | 5  | sma needs a length for length: sma(source, length)
      x = sma(close, 3, 4)                  | 1 | 5  | sma takes 2 arguments (source, length), got 3
      x = rsi(close, len=3)                 | 1 | 16 | rsi has no argument 'len'; its arguments are source, length
      x = rsi(close, 3, length=4)           | 1 | 19 | length is given twice
      x = smaa(close, 3)                    | 1 | 5  | unknown function 'smaa'; did you mean 'sma'?
      x = clsoe + 1                         | 1 | 5  | unknown name 'clsoe'; did you mean 'close'?
      x = close()                           | 1 | 5  | 'close' is a series, not a function: write close without parentheses
      x = sma + 1                           | 1 | 5  | 'sma' is a function: call it like sma(source, length)
      x = close[-1]                         | 1 | 11 | [-1] would look into the future: history offsets must be 0 or more
      x = close[1.5]                        | 1 | 11 | a history offset must be a whole number, got 1.5
      x = close[close]                      | 1 | 11 | a history offset must be a whole number fixed for the run (a literal or a param), got a number series
      x = close + (close > open)            | 1 | 5  | '+' needs numbers on both sides, got a bool series on the right
      x = close and open                    | 1 | 5  | 'and' needs true/false values on both sides, got a number series on the left
      x = not close                         | 1 | 5  | 'not' needs a true/false value, got a number series
      x = -(close > open)                   | 1 | 5  | '-' needs a number, got a bool series
      x = (close > open) < true             | 1 | 6  | '<' compares numbers, got true/false values
      x = close == true                     | 1 | 5  | '==' compares two values of the same kind, got a number series and a bool
      x = close ? 1 : 2                     | 1 | 5  | the condition before '?' must be true/false, got a number series
      x = close > open ? 1 : true           | 1 | 5  | both branches of 'condition ? a : b' must be the same kind, got a number and a bool
      x = macd(close) + 1                   | 1 | 5  | macd has several outputs: use .macd, .signal or .histogram
      x = macd(close).sig                   | 1 | 5  | macd has no output 'sig'; its outputs are macd, signal, histogram
      x = close.upper                       | 1 | 5  | '.upper' only applies to functions with several outputs such as macd or bbands
      close = 1                             | 1 | 1  | 'close' is a built-in price series and cannot be assigned; choose another name
      sma = 1                               | 1 | 1  | 'sma' is a built-in function and cannot be assigned; choose another name
      hour = 1                              | 1 | 1  | 'hour' is a built-in time series and cannot be assigned; choose another name
      x = 1 < 2 < 3                         | 1 | 11 | comparisons cannot be chained; write 'a < b and b < c'
      x = 3 @ 4                             | 1 | 7  | unexpected character '@'
      x = 12abc                             | 1 | 5  | '12abc' is not a number or a name (names cannot start with a digit)
      x 3                                   | 1 | 3  | expected '=' after 'x' (a statement is name = expression)
      3 = x                                 | 1 | 1  | a statement starts with a name or 'param', not the number 3
      x = (close + 1                        | 1 | 16 | expected ')' to close '(' before the end of the line
      param p                               | 1 | 8  | expected '=' and a default value after the parameter name, found the end of the line
      param p = 5 in 10..1                  | 1 | 1  | the range of p is empty: 10 is above 1
      param p = 50 in 1..10                 | 1 | 1  | the default 50 of p is outside its range 1..10
      param p = 5 in 1..10 step 0           | 1 | 1  | the step of p must be above 0
      long_entry = close                    | 1 | 14 | long_entry must be true/false (a bool), got a number series
      stop_loss = close > open              | 1 | 13 | stop_loss must be a number, got a bool series
      long_entry_stop = high + 1            | 1 | 19 | long_entry_stop is an order working during the bar, so it may only use the bar's open and earlier bars, but it uses high of the current bar; use [1] for the previous bar
      long_entry_stop = open + atr(14)      | 1 | 26 | long_entry_stop is an order working during the bar, so it may only use the bar's open and earlier bars, but it uses atr(), which uses the current bar's high, low and close; use [1] for the previous bar
      """)
  void reports(String source, int line, int column, String message) {
    List<Diagnostic> errors = errors(source + ENTRY);

    assertThat(errors).as("errors of %s", source).isNotEmpty();
    assertThat(errors.get(0).message()).isEqualTo(message);
    assertThat(errors.get(0).line()).isEqualTo(line);
    assertThat(errors.get(0).column()).isEqualTo(column);
    assertThat(errors.get(0).length()).isPositive();
  }

  @Test
  void quotesAnEmojiWholeAndUnderlinesBothOfItsChars() {
    // U+1F680 is a surrogate pair in Java's (and the editor's) UTF-16 strings.
    List<Diagnostic> errors = errors("x = 3 \uD83D\uDE80 4" + ENTRY);

    assertThat(errors)
        .filteredOn(d -> d.message().startsWith("unexpected character"))
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo("unexpected character '\uD83D\uDE80'");
    assertThat(errors.get(0).column()).isEqualTo(7);
    assertThat(errors.get(0).length()).isEqualTo(2);
  }

  @Test
  void reportsEveryBrokenLineAtOnce() {
    List<Diagnostic> errors =
        errors(
            """
        param fast = 10
        a = sma(close, fast
        b = rsi(close, true)
        c = nope
        long_entry = crossover(a, b)
        """);

    assertThat(errors).extracting(Diagnostic::line).containsExactly(2, 3, 4);
  }

  @Test
  void doesNotRepeatErrorsForUsesOfABrokenName() {
    List<Diagnostic> errors =
        errors("a = sma(close, true)\nlong_entry = crossover(a, close)\nlong_exit = a < 3");

    assertThat(errors).hasSize(1);
  }

  @Test
  void rejectsARedefinition() {
    assertThat(errors("x = 1\nx = 2" + ENTRY).get(0).message())
        .isEqualTo("'x' is already defined on line 1; each name is assigned once");
  }

  @Test
  void requiresAnEntry() {
    assertThat(errors("long_exit = close < open").get(0).message())
        .startsWith("the strategy never enters a position");
    assertThat(errors("  ").get(0).message()).startsWith("the strategy is empty");
  }

  @Test
  void enforcesTheSizeLimits() {
    assertThat(errors("x = 1\n".repeat(Limits.MAX_STATEMENTS + 1) + ENTRY).get(0).message())
        .contains("statements; the limit is " + Limits.MAX_STATEMENTS);
    assertThat(errors("#".repeat(Limits.MAX_SOURCE_CHARS + 1)).get(0).message())
        .contains("the limit is " + Limits.MAX_SOURCE_CHARS);
    String deep = "x = " + "(".repeat(200) + "1" + ")".repeat(200) + ENTRY;
    assertThat(errors(deep).get(0).message()).contains("nested too deeply");
    StringBuilder params = new StringBuilder();
    for (int i = 0; i <= Limits.MAX_PARAMS; i++) {
      params.append("param p").append(i).append(" = 1\n");
    }
    assertThat(errors(params + ENTRY).get(0).message())
        .contains("at most " + Limits.MAX_PARAMS + " parameters");
    assertThat(errors("x = close[10001]" + ENTRY).get(0).message())
        .contains("exceeds the limit of 10000 bars");
  }

  private static List<Diagnostic> errors(String source) {
    return StrategyCompiler.compile(source).errors();
  }
}
