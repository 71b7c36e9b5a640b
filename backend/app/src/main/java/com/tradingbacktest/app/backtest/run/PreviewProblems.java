package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.RetryableException;
import java.util.List;

/** The problems only a preview answers (docs/API.md, "Errors"). */
final class PreviewProblems {

  private PreviewProblems() {}

  /** A newer preview of the same account replaced this one while it was being computed. */
  static final class Superseded extends DomainException {
    Superseded() {
      super(ProblemKind.CONFLICT, "preview-superseded", List.of());
    }
  }

  /** Every preview slot of this process is taken (PREVIEW_CONCURRENCY); nothing is queued. */
  static final class Busy extends DomainException implements RetryableException {
    Busy(int slots) {
      super(ProblemKind.SERVICE_UNAVAILABLE, "previews-busy", List.of(slots));
    }

    @Override
    public long retryAfterSeconds() {
      return 1;
    }
  }

  /** The preview cannot succeed as asked: the strategy fails on this data, or no bars. */
  static final class Failed extends DomainException {
    Failed(String message) {
      super(ProblemKind.UNPROCESSABLE, "preview-failed", List.of(message));
    }
  }

  /** The preview computed past PREVIEW_TIME_LIMIT and was stopped. */
  static final class TimeLimit extends DomainException {
    TimeLimit(String message) {
      super(ProblemKind.UNPROCESSABLE, "preview-time-limit", List.of(message));
    }
  }
}
