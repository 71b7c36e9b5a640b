/**
 * The error contract: domain exceptions named for facts, turned into RFC 9457 problem documents.
 */
package com.tradingbacktest.app.common.error;
