package com.tradingbacktest.app.common.monitoring;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps credentials and personal data out of Sentry, whatever the SDK's own defaults do ({@code
 * send-default-pii} is off as well): no request body, cookies or credential headers, no client
 * address, no user beyond an id; token-like query parameters masked; email addresses, bearer
 * tokens, JWTs and API keys masked in messages and exception texts (a database error can quote a
 * row).
 */
final class SentryScrubber
    implements SentryOptions.BeforeSendCallback, SentryOptions.BeforeBreadcrumbCallback {

  static final String MASK = "[redacted]";

  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "x-csrf-token",
          "x-forwarded-for",
          "x-real-ip",
          "forwarded");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)(^|&)([^=&]*(?:token|key|secret|password|passwd|code|signature)[^=&]*)=[^&]*");
  private static final Pattern[] SECRETS_IN_TEXT = {
    Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+"),
    Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
    Pattern.compile("\\btb_[0-9a-f]{8}_[A-Za-z0-9_-]+"),
    Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")
  };

  @Override
  public SentryEvent execute(SentryEvent event, Hint hint) {
    Request request = event.getRequest();
    if (request != null) {
      request.setData(null);
      request.setCookies(null);
      request.setEnvs(null);
      request.setHeaders(withoutSecrets(request.getHeaders()));
      request.setQueryString(maskParameters(request.getQueryString()));
      request.setUrl(scrub(request.getUrl()));
    }
    User user = event.getUser();
    if (user != null) {
      User idOnly = new User();
      idOnly.setId(user.getId());
      event.setUser(user.getId() == null ? null : idOnly);
    }
    Message message = event.getMessage();
    if (message != null) {
      message.setMessage(scrub(message.getMessage()));
      message.setFormatted(scrub(message.getFormatted()));
      if (message.getParams() != null) {
        message.setParams(message.getParams().stream().map(SentryScrubber::scrub).toList());
      }
    }
    if (event.getExceptions() != null) {
      for (SentryException exception : event.getExceptions()) {
        exception.setValue(scrub(exception.getValue()));
      }
    }
    if (event.getBreadcrumbs() != null) {
      event.getBreadcrumbs().forEach(crumb -> crumb.setMessage(scrub(crumb.getMessage())));
    }
    return event;
  }

  @Override
  public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
    breadcrumb.setMessage(scrub(breadcrumb.getMessage()));
    return breadcrumb;
  }

  static String scrub(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (Pattern secret : SECRETS_IN_TEXT) {
      result = secret.matcher(result).replaceAll(MASK);
    }
    return result;
  }

  private static String maskParameters(String query) {
    return query == null ? null : scrub(SECRET_PARAMETER.matcher(query).replaceAll("$1$2=" + MASK));
  }

  private static Map<String, String> withoutSecrets(Map<String, String> headers) {
    if (headers == null) {
      return null;
    }
    Map<String, String> kept = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            kept.put(name, scrub(value));
          }
        });
    return kept;
  }
}
