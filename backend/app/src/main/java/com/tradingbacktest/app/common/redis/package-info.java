/**
 * Redis, only when REDIS_URL is set: one Lettuce connection that the shared caches and rate limits
 * use, and the switch to their local stand-ins (with a warning) while Redis cannot be reached.
 */
package com.tradingbacktest.app.common.redis;
