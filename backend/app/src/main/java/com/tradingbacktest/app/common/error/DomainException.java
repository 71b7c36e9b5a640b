package com.tradingbacktest.app.common.error;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * A fact about the request that the client can act on ("that email is taken", "no such backtest").
 * Subclasses are named for the fact and say which {@link ProblemKind} it is; the single exception
 * handler turns it into a problem document. No HTTP annotations here, and the message is shown to
 * the client, so it must never contain internals.
 *
 * <p>The problem's {@code detail} is the bundle template {@code problem.<slug>} (in {@code
 * i18n/messages*.properties}) in the request's language, filled with {@link #messageArguments()};
 * {@link #getMessage()} stays English, for logs. A subclass passing its English message instead
 * still gets translated, by matching that message against the bundle's English templates.
 */
public abstract class DomainException extends RuntimeException {

  private static final String BUNDLE = "i18n/messages";

  private final ProblemKind kind;
  private final String slug;
  private final List<Object> arguments;

  /**
   * @param arguments what fills {@code problem.<slug>}'s placeholders, in order; English text among
   *     them is translated too
   */
  protected DomainException(ProblemKind kind, String slug, List<?> arguments) {
    super(english(slug, arguments));
    this.kind = kind;
    this.slug = slug;
    this.arguments = List.copyOf(arguments);
  }

  /** A message composed in English; shown translated where a bundle template matches it. */
  protected DomainException(ProblemKind kind, String slug, String message) {
    super(message);
    this.kind = kind;
    this.slug = slug;
    this.arguments = null;
  }

  public ProblemKind kind() {
    return kind;
  }

  /** The stable last segment of the problem {@code type} URI, e.g. {@code email-taken}. */
  public String slug() {
    return slug;
  }

  /**
   * The arguments of the bundle template {@code problem.<slug>}, or null when this exception was
   * given its English message whole.
   */
  public Object[] messageArguments() {
    return arguments == null ? null : arguments.toArray();
  }

  /** Extra members of the problem document; none by default. */
  public Map<String, Object> properties() {
    return Map.of();
  }

  private static String english(String slug, List<?> arguments) {
    String template =
        ResourceBundle.getBundle(
                BUNDLE,
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES))
            .getString("problem." + slug);
    if (arguments.isEmpty()) {
      return template;
    }
    return new MessageFormat(template, Locale.ROOT)
        .format(arguments.stream().map(String::valueOf).toArray());
  }
}
