/**
 * Token buckets by key for rate limits: in Redis, so every instance spends from the same bucket,
 * when REDIS_URL is set; in this process otherwise, and while Redis is away.
 */
package com.tradingbacktest.app.common.ratelimit;
