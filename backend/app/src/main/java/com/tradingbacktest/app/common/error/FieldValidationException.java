package com.tradingbacktest.app.common.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that passed the shape checks but breaks rules only the service can check; answers 422 with
 * one entry per field in {@code errors}, so a form can show every problem at once.
 */
public class FieldValidationException extends DomainException {

  private final Map<String, String> errors;

  public FieldValidationException(String field, String message) {
    this(Map.of(field, message));
  }

  /**
   * @param errors field name to message, in the order to show them; not empty
   */
  public FieldValidationException(Map<String, String> errors) {
    super(ProblemKind.UNPROCESSABLE, "validation-failed", describe(errors));
    this.errors = new LinkedHashMap<>(errors);
  }

  public Map<String, String> errors() {
    return Map.copyOf(errors);
  }

  @Override
  public Map<String, Object> properties() {
    List<Map<String, String>> list = new ArrayList<>();
    errors.forEach((field, message) -> list.add(Map.of("field", field, "message", message)));
    return Map.of("errors", list);
  }

  private static String describe(Map<String, String> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation failure names at least one field");
    }
    return errors.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
