package com.tradingbacktest.app.common.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Connects to Redis only when REDIS_URL is set (an empty value counts as unset). */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguration.UrlSet.class)
class RedisConfiguration {

  @Bean(destroyMethod = "close")
  SharedRedis sharedRedis(RedisSettings settings) {
    return SharedRedis.connect(settings);
  }

  static final class UrlSet implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("tb.redis.url");
      return url != null && !url.isBlank();
    }
  }
}
