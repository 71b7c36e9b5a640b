package com.tradingbacktest.app.common.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method: every call spends one request of this kind from the caller's account
 * ({@link RequestLimits}); over the limit it answers 429 with Retry-After before the method runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
  RequestLimit value();
}
