/**
 * What every feature shares and none owns: the database connection (embedded or external), the
 * problem-details error contract, request ids, body limits, CORS and OpenAPI, and the optional
 * services: Redis-backed caches and rate-limit buckets, Sentry error reporting. Depends on no
 * feature.
 */
package com.tradingbacktest.app.common;
