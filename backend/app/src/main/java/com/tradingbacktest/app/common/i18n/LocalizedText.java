package com.tradingbacktest.app.common.i18n;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an English message of the server (a run's failure, a compile error, a CSV row's reason) in
 * the request's language: put {@code @JsonSerialize(using = LocalizedText.class)} on the record
 * component. Stored text is never rewritten, so what a run stored before translations existed is
 * translated all the same.
 */
public final class LocalizedText extends ValueSerializer<String> {

  private final Translator translator;

  LocalizedText(Translator translator) {
    this.translator = translator;
  }

  @Override
  public void serialize(String value, JsonGenerator gen, SerializationContext context) {
    gen.writeString(translator.translate(value));
  }
}
