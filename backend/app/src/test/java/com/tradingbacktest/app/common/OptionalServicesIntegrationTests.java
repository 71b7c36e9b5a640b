package com.tradingbacktest.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.common.redis.SharedRedis;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.IntegrationTest;
import io.sentry.IScopes;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * With neither REDIS_URL nor SENTRY_DSN (the default, as in every other integration test), nothing
 * of Redis or Sentry is started, and the features that would use them work on their local
 * stand-ins.
 */
class OptionalServicesIntegrationTests extends IntegrationTest {

  @Autowired ApplicationContext context;

  @Test
  void startsNothingOfRedisWithoutRedisUrl() {
    assertThat(context.getBeanNamesForType(SharedRedis.class)).isEmpty();
    assertThat(context.getBeanNamesForType(io.lettuce.core.AbstractRedisClient.class)).isEmpty();
  }

  @Test
  void startsNothingOfSentryWithoutDsn() {
    assertThat(context.getBeanNamesForType(IScopes.class)).isEmpty();
    assertThat(context.getBeanNamesForType(SentryOptions.BeforeSendCallback.class)).isEmpty();
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void symbolsAndLoginLimitsWorkLocally() {
    String auth = Api.bearer(api.registerUser("local"));

    for (int i = 0; i < 2; i++) {
      Api.Response symbol = api.get("/api/v1/data/symbols/AAPL", "Authorization", auth);
      assertThat(symbol.status()).isEqualTo(200);
      assertThat(symbol.json().path("intervals").path(0).path("bar_count").asLong()).isPositive();
    }
    assertThat(
            api.post(
                    "/api/v1/auth/login",
                    java.util.Map.of("login", "nobody", "password", "wrong-pass1"))
                .status())
        .isEqualTo(401);
  }
}
