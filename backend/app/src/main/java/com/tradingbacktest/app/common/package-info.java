/**
 * What every feature shares and none owns: the database connection (embedded or external), the
 * problem-details error contract, request ids, body limits, CORS and OpenAPI. Depends on no feature.
 */
package com.tradingbacktest.app.common;
