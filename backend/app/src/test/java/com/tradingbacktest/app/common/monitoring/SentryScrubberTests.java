package com.tradingbacktest.app.common.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentryScrubberTests {

  private final SentryScrubber scrubber = new SentryScrubber();

  @Test
  void dropsCredentialHeadersCookiesBodyAndClientAddress() {
    Request request = new Request();
    request.setHeaders(
        Map.of(
            "Authorization",
            "Bearer abc.def.ghi",
            "X-API-Key",
            "tb_0123abcd_secret",
            "Cookie",
            "tb_refresh=r1",
            "X-CSRF-Token",
            "c1",
            "X-Forwarded-For",
            "203.0.113.9",
            "Accept",
            "*/*"));
    request.setCookies("tb_refresh=r1");
    request.setData(Map.of("password", "s3cret-pass"));
    request.setEnvs(Map.of("REMOTE_ADDR", "203.0.113.9"));
    request.setQueryString("query=AAPL&api_key=k1&refresh_token=t1&limit=5");
    SentryEvent event = new SentryEvent();
    event.setRequest(request);

    Request sent = scrubber.execute(event, new Hint()).getRequest();

    assertThat(sent.getHeaders()).containsOnlyKeys("Accept");
    assertThat(sent.getCookies()).isNull();
    assertThat(sent.getData()).isNull();
    assertThat(sent.getEnvs()).isNull();
    assertThat(sent.getQueryString())
        .isEqualTo("query=AAPL&api_key=[redacted]&refresh_token=[redacted]&limit=5");
  }

  @Test
  void keepsOnlyTheUsersId() {
    User user = new User();
    user.setId("9b1f0d2e-0000-4000-8000-000000000001");
    user.setEmail("alice@example.com");
    user.setUsername("alice");
    user.setIpAddress("203.0.113.9");
    SentryEvent event = new SentryEvent();
    event.setUser(user);

    User sent = scrubber.execute(event, new Hint()).getUser();

    assertThat(sent.getId()).isEqualTo("9b1f0d2e-0000-4000-8000-000000000001");
    assertThat(sent.getEmail()).isNull();
    assertThat(sent.getUsername()).isNull();
    assertThat(sent.getIpAddress()).isNull();
  }

  @Test
  void masksSecretsAndEmailAddressesInTexts() {
    SentryEvent event = new SentryEvent();
    Message message = new Message();
    message.setFormatted("Login of bob.smith+x@mail.example.co.kr failed");
    event.setMessage(message);
    SentryException exception = new SentryException();
    exception.setValue(
        "duplicate key (email)=(carol@example.com); header Bearer "
            + "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig and key tb_0123abcd_AbCdEf-_12");
    event.setExceptions(List.of(exception));

    SentryEvent sent = scrubber.execute(event, new Hint());

    assertThat(sent.getMessage().getFormatted()).isEqualTo("Login of [redacted] failed");
    assertThat(sent.getExceptions().get(0).getValue())
        .isEqualTo("duplicate key (email)=([redacted]); header [redacted] and key [redacted]");
  }

  @Test
  void masksBreadcrumbs() {
    Breadcrumb crumb = new Breadcrumb("Registered dave@example.com");

    assertThat(scrubber.execute(crumb, new Hint()).getMessage()).isEqualTo("Registered [redacted]");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(SentryScrubber.scrub("Loaded 252 1d bars of AAPL in 12 ms (005930.KS, KRW-BTC)"))
        .isEqualTo("Loaded 252 1d bars of AAPL in 12 ms (005930.KS, KRW-BTC)");
  }
}
