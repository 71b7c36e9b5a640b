package com.tradingbacktest.app.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WebSettingsTests {

  @Test
  void pagesConnectOnlyToTheirOwnOriginByDefault() {
    WebSettings settings = new WebSettings(List.of(), DataSize.ofMegabytes(1), false, List.of(""));

    assertThat(settings.contentSecurityPolicy())
        .contains("connect-src 'self';")
        .contains("script-src 'self';");
  }

  @Test
  void extraConnectOriginsJoinTheSelfOrigin() {
    WebSettings settings =
        new WebSettings(
            List.of(),
            DataSize.ofMegabytes(1),
            false,
            List.of("https://o1.ingest.sentry.io  https://o2.ingest.de.sentry.io"));

    assertThat(settings.contentSecurityPolicy())
        .contains("connect-src 'self' https://o1.ingest.sentry.io https://o2.ingest.de.sentry.io;");
  }

  @Test
  void refusesAnythingButHttpsOrigins() {
    assertThatThrownBy(
            () ->
                new WebSettings(
                    List.of(),
                    DataSize.ofMegabytes(1),
                    false,
                    List.of("https://a.example; script-src *")))
        .hasMessageContaining("https origins only");
    assertThatThrownBy(
            () ->
                new WebSettings(
                    List.of(), DataSize.ofMegabytes(1), false, List.of("http://a.example")))
        .hasMessageContaining("https origins only");
  }
}
