/**
 * Caches for features: in Redis, shared by every instance, when REDIS_URL is set (with a local
 * stand-in while Redis is away), otherwise in this process.
 */
package com.tradingbacktest.app.common.cache;
