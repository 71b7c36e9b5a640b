/**
 * The connection to PostgreSQL: DATABASE_URL when set, else an embedded PostgreSQL 16 with
 * persistent data, query statistics (pg_stat_statements) and a slow-statement log. Every repository
 * call, of Spring Data and {@code @Repository} classes alike, is timed into one metric and logged
 * when slower than DB_SLOW_QUERY_MS.
 */
package com.tradingbacktest.app.common.database;
