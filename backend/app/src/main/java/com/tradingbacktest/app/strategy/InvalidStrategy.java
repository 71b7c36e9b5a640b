package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code does not compile. The problem's {@code errors} list every error with its place; each
 * also names the field {@code code}, so clients that show field errors generically still show them.
 */
class InvalidStrategy extends DomainException {

  private final List<StrategyCodeError> errors;

  InvalidStrategy(List<StrategyCodeError> errors) {
    super(ProblemKind.UNPROCESSABLE, "invalid-strategy", describe(errors));
    this.errors = List.copyOf(errors);
  }

  @Override
  public Map<String, Object> properties() {
    List<Map<String, Object>> list =
        errors.stream()
            .map(
                error -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("field", "code");
                  entry.put("line", error.line());
                  entry.put("column", error.column());
                  entry.put("length", error.length());
                  entry.put("message", error.message());
                  return entry;
                })
            .toList();
    return Map.of("errors", list);
  }

  private static String describe(List<StrategyCodeError> errors) {
    StrategyCodeError first = errors.get(0);
    String where = "line " + first.line() + ", column " + first.column() + ": " + first.message();
    return errors.size() == 1
        ? "The strategy does not compile: " + where
        : "The strategy does not compile (" + errors.size() + " errors); the first is at " + where;
  }
}
