package com.tradingbacktest.app.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class WebSettingsTests {

  @Test
  void pagesConnectOnlyToTheirOwnOriginByDefault() {
    WebSettings settings =
        new WebSettings(List.of(), DataSize.ofMegabytes(1), false, List.of(""), List.of());

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
            List.of("https://o1.ingest.sentry.io  https://o2.ingest.de.sentry.io"),
            List.of());

    assertThat(settings.contentSecurityPolicy())
        .contains("connect-src 'self' https://o1.ingest.sentry.io https://o2.ingest.de.sentry.io;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://a.example; script-src *", "http://a.example"})
  void refusesAnythingButHttpsOrigins(String origin) {
    assertThatThrownBy(
            () ->
                new WebSettings(
                    List.of(), DataSize.ofMegabytes(1), false, List.of(origin), List.of()))
        .hasMessageContaining("https origins only");
  }

  @Test
  void trustsNoProxyByDefaultAndReadsAddressesAsRangesOfOne() {
    assertThat(settings(List.of("")).trustedProxyRanges()).isEmpty();
    assertThat(
            settings(List.of(" 127.0.0.1", "::1", "fdaa::/16", "10.0.0.0/8")).trustedProxyRanges())
        .isEqualTo("127.0.0.1/32,::1/128,fdaa::/16,10.0.0.0/8");
  }

  @Test
  void refusesAProxyThatIsNotAnAddress() {
    assertThatThrownBy(() -> settings(List.of("nginx.internal")))
        .hasMessageContaining("TRUSTED_PROXIES");
    assertThatThrownBy(() -> settings(List.of(".*"))).hasMessageContaining("TRUSTED_PROXIES");
  }

  private static WebSettings settings(List<String> trustedProxies) {
    return new WebSettings(List.of(), DataSize.ofMegabytes(1), false, List.of(), trustedProxies);
  }
}
