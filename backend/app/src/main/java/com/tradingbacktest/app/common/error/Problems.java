package com.tradingbacktest.app.common.error;

import com.tradingbacktest.app.common.i18n.Translator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 documents every error response uses. Problem {@code type}s are stable,
 * relative URIs under {@code /problems/}, listed in docs/API.md; clients may switch on them.
 */
public final class Problems {

  public static final String TYPE_PREFIX = "/problems/";
  public static final String REQUEST_ID = "request_id";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + slug));
    problem.setTitle(title);
    String requestId = MDC.get(REQUEST_ID);
    if (requestId != null) {
      problem.setProperty(REQUEST_ID, requestId);
    }
    return problem;
  }

  public static ProblemDetail of(ProblemKind kind, String slug, String detail) {
    return of(HttpStatusCode.valueOf(kind.status()), slug, kind.title(), detail);
  }

  /**
   * {@code problem} in {@code locale}: its title, detail, each {@code errors[].message} and each
   * {@code bad_rows[].reason} translated (the {@code type} and every other member unchanged).
   */
  public static ProblemDetail localize(
      ProblemDetail problem, Translator translator, Locale locale) {
    problem.setTitle(translator.translate(problem.getTitle(), locale));
    problem.setDetail(translator.translate(problem.getDetail(), locale));
    Map<String, Object> properties = problem.getProperties();
    if (properties != null) {
      localizeList(properties, "errors", "message", translator, locale);
      localizeList(properties, "bad_rows", "reason", translator, locale);
    }
    return problem;
  }

  private static void localizeList(
      Map<String, Object> properties,
      String name,
      String textMember,
      Translator translator,
      Locale locale) {
    if (!(properties.get(name) instanceof List<?> list)) {
      return;
    }
    properties.put(
        name,
        list.stream()
            .map(
                entry -> {
                  if (entry instanceof GlobalExceptionHandler.FieldProblem field) {
                    return new GlobalExceptionHandler.FieldProblem(
                        field.field(), translator.translate(field.message(), locale));
                  }
                  if (entry instanceof Map<?, ?> map
                      && map.get(textMember) instanceof String text) {
                    Map<Object, Object> copy = new LinkedHashMap<>(map);
                    copy.put(textMember, translator.translate(text, locale));
                    return copy;
                  }
                  return entry;
                })
            .toList());
  }
}
