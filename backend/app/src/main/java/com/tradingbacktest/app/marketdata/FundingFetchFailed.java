package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.marketdata.fetch.FetchException;

/**
 * A funding fetch the exchange refused or could not serve: the request's fault (unknown symbol,
 * malformed answer) is a 422, a passing outage or rate limit a 503 worth retrying later.
 */
final class FundingFetchFailed extends DomainException {

  FundingFetchFailed(FetchException cause) {
    super(
        cause.isTransient() ? ProblemKind.SERVICE_UNAVAILABLE : ProblemKind.UNPROCESSABLE,
        "funding-fetch-failed",
        cause.getMessage());
  }
}
