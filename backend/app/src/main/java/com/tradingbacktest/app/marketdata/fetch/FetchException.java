package com.tradingbacktest.app.marketdata.fetch;

/**
 * Why a fetch failed, in words fit for the user ("Binance does not know the symbol BTCUSDX"), and
 * of which {@link Kind}, so callers can tell a wrong request from a passing outage.
 */
public class FetchException extends RuntimeException {

  /** The kinds of failure. */
  public enum Kind {
    /** The exchange does not know the symbol. */
    NOT_FOUND,
    /**
     * The request cannot succeed as asked: unsupported interval, range beyond the source's limits.
     */
    BAD_REQUEST,
    /**
     * The exchange refuses us for too many requests: through every retry, or for longer than we
     * wait (an address ban).
     */
    RATE_LIMITED,
    /** The exchange was unreachable or failing through every retry, or refuses access. */
    UNAVAILABLE,
    /** The exchange answered with something that is not valid candle data. */
    MALFORMED,
    /** The caller cancelled the fetch, or its thread was interrupted. */
    CANCELLED
  }

  private final Kind kind;

  public FetchException(Kind kind, String message) {
    this(kind, message, null);
  }

  public FetchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** True when the same fetch may well succeed later, unchanged: rate limits and outages. */
  public boolean isTransient() {
    return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
  }
}
