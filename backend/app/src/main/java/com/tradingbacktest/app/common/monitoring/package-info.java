/**
 * Error reporting to Sentry, only when SENTRY_DSN is set: error-level log events (every unexpected
 * 500 among them) become Sentry events, tagged with release and environment, scrubbed of
 * credentials and personal data before they leave.
 */
package com.tradingbacktest.app.common.monitoring;
