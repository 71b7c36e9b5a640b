package com.tradingbacktest.app.common.error;

import com.tradingbacktest.app.common.i18n.Translator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem document from places outside Spring MVC: servlet filters and security handlers.
 */
@Component
public class ProblemResponseWriter {

  private final JsonMapper jsonMapper;
  private final Translator translator;

  ProblemResponseWriter(JsonMapper jsonMapper, Translator translator) {
    this.jsonMapper = jsonMapper;
    this.translator = translator;
  }

  /** Writes {@code problem} in the language of the request being served on this thread. */
  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    writeIn(Translator.currentLocale(), response, problem);
  }

  /** Writes {@code problem} in the language {@code request} asks for (English by default). */
  public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    writeIn(Translator.locale(request), response, problem);
  }

  private void writeIn(java.util.Locale locale, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Problems.localize(problem, translator, locale);
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    jsonMapper.writeValue(response.getOutputStream(), problem);
  }
}
