package com.tradingbacktest.app.common.web;

import com.tradingbacktest.app.common.error.Problems;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to requests it refuses before the application sees them (an encoded NUL or
 * backslash in the path, a request line over the header limit, bad encoding): a problem document
 * like every other error, instead of Tomcat's HTML page. Errors inside the application never get
 * here: they are answered by the exception handler or {@link ProblemErrorController}.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

  private final JsonMapper json;

  ProblemErrorReportValve(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json.writeValueAsString(problem(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was closed meanwhile: nothing left to tell it.
    }
  }

  static ProblemDetail problem(int status) {
    if (status == HttpStatus.BAD_REQUEST.value()) {
      return Problems.of(
          HttpStatus.BAD_REQUEST,
          "malformed-request",
          "Malformed request",
          "The request could not be read: its address or headers are malformed, hold characters"
              + " that are not allowed (such as an encoded NUL or backslash) or are too long.");
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known != null ? known.getReasonPhrase() : "Error";
    return Problems.of(
        HttpStatusCode.valueOf(status),
        ProblemErrorController.slugOf(title),
        title,
        "The server refused the request (" + status + " " + title + ").");
  }
}
