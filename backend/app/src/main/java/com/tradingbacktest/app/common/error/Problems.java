package com.tradingbacktest.app.common.error;

import java.net.URI;
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
}
