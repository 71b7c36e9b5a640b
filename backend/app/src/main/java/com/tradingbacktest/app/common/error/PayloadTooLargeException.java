package com.tradingbacktest.app.common.error;

/** The request body is larger than the endpoint accepts. */
public class PayloadTooLargeException extends DomainException {

  public PayloadTooLargeException(long limitBytes) {
    super(
        ProblemKind.PAYLOAD_TOO_LARGE,
        "payload-too-large",
        "The request body exceeds the limit of " + limitBytes + " bytes.");
  }
}
