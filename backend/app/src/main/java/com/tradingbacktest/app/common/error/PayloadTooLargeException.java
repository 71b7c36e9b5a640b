package com.tradingbacktest.app.common.error;

import java.util.List;

/** The request body is larger than the endpoint accepts. */
public class PayloadTooLargeException extends DomainException {

  public PayloadTooLargeException(long limitBytes) {
    super(ProblemKind.PAYLOAD_TOO_LARGE, "payload-too-large", List.of(limitBytes));
  }
}
