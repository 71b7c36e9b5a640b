package com.tradingbacktest.app.common.error;

/**
 * A fact about the request that the client can act on ("that email is taken", "no such backtest").
 * Subclasses are named for the fact and say which {@link ProblemKind} it is; the single exception
 * handler turns it into a problem document. No HTTP annotations here, and the message is shown to
 * the client, so it must never contain internals.
 */
public abstract class DomainException extends RuntimeException {

  private final ProblemKind kind;
  private final String slug;

  protected DomainException(ProblemKind kind, String slug, String message) {
    super(message);
    this.kind = kind;
    this.slug = slug;
  }

  public ProblemKind kind() {
    return kind;
  }

  /** The stable last segment of the problem {@code type} URI, e.g. {@code email-taken}. */
  public String slug() {
    return slug;
  }

  /** Extra members of the problem document; none by default. */
  public java.util.Map<String, Object> properties() {
    return java.util.Map.of();
  }
}
