package com.tradingbacktest.app.common.error;

/** The classes of failure a client sees, each with its HTTP status and a human title. */
public enum ProblemKind {
  BAD_REQUEST(400, "Bad request"),
  UNAUTHORIZED(401, "Authentication required"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  CONFLICT(409, "Conflict"),
  PAYLOAD_TOO_LARGE(413, "Request body too large"),
  UNPROCESSABLE(422, "Unprocessable request"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  SERVICE_UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;

  ProblemKind(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
