package com.tradingbacktest.app.common.error;

import java.util.List;
import java.util.Map;

/** Input that passed the shape checks but breaks a rule only the service can check; answers 422. */
public class FieldValidationException extends DomainException {

  private final String field;

  public FieldValidationException(String field, String message) {
    super(ProblemKind.UNPROCESSABLE, "validation-failed", field + ": " + message);
    this.field = field;
  }

  @Override
  public Map<String, Object> properties() {
    String message = getMessage().substring(field.length() + 2);
    return Map.of("errors", List.of(Map.of("field", field, "message", message)));
  }
}
