package com.tradingbacktest.app.common.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis settings. Without {@code url} nothing of Redis is created: caches and rate limits are
 * local.
 *
 * @param url REDIS_URL: redis://[user:password@]host:port[/db], or rediss:// for TLS
 * @param timeout REDIS_TIMEOUT: the longest a connect or a command may take before Redis counts as
 *     away
 * @param retryInterval after a failure, how long requests use local state before Redis is tried
 *     again
 * @param keyPrefix prepended to every key, so several deployments can share one Redis
 */
@ConfigurationProperties("tb.redis")
public record RedisSettings(
    String url,
    @DefaultValue("500ms") Duration timeout,
    @DefaultValue("5s") Duration retryInterval,
    @DefaultValue("tb:") String keyPrefix) {

  public boolean configured() {
    return url != null && !url.isBlank();
  }
}
