package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON GET requests to one exchange: paced by the source's {@link RequestPacer}, retried with
 * exponential backoff and jitter on 429, 418, 5xx, network failures and timeouts (honouring {@code
 * Retry-After}), never retried on other 4xx, which the calling client turns into a message.
 */
final class ExchangeHttp {

  private static final Logger log = LoggerFactory.getLogger(ExchangeHttp.class);

  /** What a non-retryable error answer means to one client. */
  @FunctionalInterface
  interface ErrorReader {

    /** The failure this answer means, or null to let the generic reading of the status stand. */
    FetchException read(int status, JsonNode body);
  }

  private final DataSource source;
  private final HttpClient client;
  private final JsonMapper json;
  private final FetchSettings settings;
  private final FetchTiming timing;
  private final RequestPacer pacer;

  ExchangeHttp(
      DataSource source,
      HttpClient client,
      JsonMapper json,
      FetchSettings settings,
      FetchTiming timing) {
    this.source = source;
    this.client = client;
    this.json = json;
    this.settings = settings;
    this.timing = timing;
    this.pacer = new RequestPacer(settings.requestsPerSecond(source), timing);
  }

  /** An HTTP client for the exchanges: redirects followed, connect timeout from the settings. */
  static HttpClient newClient(FetchSettings settings) {
    return HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** {@code base + path + ?name=value&...}, each value URL-encoded. */
  static URI uri(String base, String path, String... nameValuePairs) {
    StringBuilder uri = new StringBuilder(base).append(path);
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      uri.append(i == 0 ? '?' : '&')
          .append(nameValuePairs[i])
          .append('=')
          .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
    }
    return URI.create(uri.toString());
  }

  /**
   * The parsed body of a 2xx answer to {@code GET uri}.
   *
   * @throws FetchException from {@code errors} or the status for error answers; RATE_LIMITED or
   *     UNAVAILABLE once the retries are spent, or at once when {@code Retry-After} asks for longer
   *     than {@code max-retry-after}; MALFORMED when the body is not JSON; CANCELLED
   */
  JsonNode get(URI uri, BooleanSupplier cancelled, ErrorReader errors) {
    for (int retries = 0; ; retries++) {
      if (cancelled.getAsBoolean()) {
        throw cancelled();
      }
      Failure failure;
      try {
        pacer.acquire();
        HttpResponse<String> response =
            client.send(request(uri), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return parse(response.body());
        }
        failure = retryable(response);
        if (failure == null) {
          throw rejected(status, lenient(response.body()), errors);
        }
      } catch (HttpTimeoutException e) {
        failure = new Failure(Kind.UNAVAILABLE, "could not be reached (timed out)", null, e);
      } catch (IOException e) {
        failure = new Failure(Kind.UNAVAILABLE, "could not be reached (network error)", null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw cancelled();
      }
      if (retries >= settings.maxRetries()) {
        throw new FetchException(
            failure.kind(),
            source.displayName()
                + " "
                + failure.problem()
                + "; gave up after "
                + retries
                + (retries == 1 ? " retry" : " retries"),
            failure.cause());
      }
      Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff(retries);
      if (failure.retryAfter() != null && wait.compareTo(settings.maxRetryAfter()) > 0) {
        // A ban or a maintenance window: holding a job for hours helps no one.
        throw new FetchException(
            failure.kind(),
            source.displayName()
                + " "
                + failure.problem()
                + " and asks us to wait "
                + wait.toSeconds()
                + " s; try again after "
                + timing.now().plus(wait).truncatedTo(ChronoUnit.SECONDS));
      }
      log.info(
          "{} {}; retry {} of {} in {} ms: {}",
          source.displayName(),
          failure.problem(),
          retries + 1,
          settings.maxRetries(),
          wait.toMillis(),
          uri.getPath());
      pacer.holdOff(wait);
    }
  }

  /** A body that should be JSON but may not be (error pages): the missing node when it is not. */
  private JsonNode lenient(String body) {
    try {
      return body == null || body.isBlank() ? MissingNode.getInstance() : json.readTree(body);
    } catch (JacksonException e) {
      return MissingNode.getInstance();
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      throw new FetchException(
          Kind.MALFORMED, source.displayName() + " sent a response that is not valid JSON", e);
    }
  }

  private HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .GET()
        .timeout(settings.readTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept", "application/json")
        .build();
  }

  /** Equal jitter: half the doubled delay for sure, the other half by chance, capped. */
  private Duration backoff(int retries) {
    long initial = settings.initialBackoff().toMillis();
    long capped = Math.min(settings.maxBackoff().toMillis(), initial << Math.min(retries, 30));
    return Duration.ofMillis(capped / 2 + Math.round(timing.jitter() * (capped - capped / 2)));
  }

  /** The failure a retryable answer means, or null when the answer is not worth retrying. */
  private Failure retryable(HttpResponse<String> response) {
    int status = response.statusCode();
    Duration retryAfter = retryAfter(response).orElse(null);
    if (status == 429) {
      return new Failure(Kind.RATE_LIMITED, "is rate-limiting us", retryAfter, null);
    }
    if (status == 418) {
      // An address ban for ignoring 429s: retrying blindly would only lengthen it, so only wait it
      // out when the exchange says for how long.
      if (retryAfter == null) {
        throw new FetchException(
            Kind.RATE_LIMITED,
            source.displayName()
                + " has blocked this server for too many requests (HTTP 418); try again later");
      }
      return new Failure(
          Kind.RATE_LIMITED,
          "has blocked this server for too many requests (HTTP 418)",
          retryAfter,
          null);
    }
    if (status >= 500) {
      return new Failure(
          Kind.UNAVAILABLE, "is unavailable (HTTP " + status + ")", retryAfter, null);
    }
    return null;
  }

  private FetchException rejected(int status, JsonNode body, ErrorReader errors) {
    FetchException specific = errors.read(status, body);
    if (specific != null) {
      return specific;
    }
    String name = source.displayName();
    return switch (status) {
      case 401, 403 ->
          new FetchException(
              Kind.UNAVAILABLE, name + " refused our requests (HTTP " + status + ")");
      case 451 ->
          new FetchException(
              Kind.UNAVAILABLE, name + " does not serve this server's location (HTTP 451)");
      default ->
          status >= 400
              ? new FetchException(
                  Kind.BAD_REQUEST, name + " rejected the request (HTTP " + status + ")")
              : new FetchException(Kind.UNAVAILABLE, name + " answered with HTTP " + status);
    };
  }

  /** {@code Retry-After} as seconds or as an HTTP date. */
  private Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::trim)
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
              } catch (NumberFormatException notSeconds) {
                try {
                  Instant at =
                      ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                  Duration wait = Duration.between(timing.now(), at);
                  return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                  return Optional.empty();
                }
              }
            });
  }

  private FetchException cancelled() {
    return new FetchException(
        Kind.CANCELLED, "The fetch from " + source.displayName() + " was cancelled");
  }

  /** A retryable failure: what went wrong, in words that follow the source's name. */
  private record Failure(Kind kind, String problem, Duration retryAfter, Throwable cause) {}
}
