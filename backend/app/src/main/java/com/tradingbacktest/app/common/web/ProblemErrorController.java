package com.tradingbacktest.app.common.web;

import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.ProblemResponseWriter;
import com.tradingbacktest.app.common.error.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}, where Tomcat forwards a {@code sendError} or
 * an exception thrown by a filter): a problem document instead of Boot's default error JSON. The
 * exception itself was already logged by the container; nothing of it reaches the client.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  private final ProblemResponseWriter problems;

  ProblemErrorController(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value && value >= 400 ? value : 500;
    ProblemDetail problem;
    if (status == HttpStatus.NOT_FOUND.value()) {
      problem = Problems.of(ProblemKind.NOT_FOUND, "not-found", "Nothing is at this address.");
    } else if (status >= 500) {
      problem =
          Problems.of(
              HttpStatusCode.valueOf(status),
              "internal-error",
              "Internal error",
              "Something went wrong on our side. Quote the request id when reporting it.");
    } else {
      problem = ProblemErrorReportValve.problem(status);
    }
    String requestId = response.getHeader("X-Request-Id");
    if (requestId != null
        && (problem.getProperties() == null
            || !problem.getProperties().containsKey(Problems.REQUEST_ID))) {
      problem.setProperty(Problems.REQUEST_ID, requestId);
    }
    response.resetBuffer();
    problems.write(request, response, problem);
  }

  static String slugOf(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
