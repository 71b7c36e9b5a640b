/**
 * The connection to PostgreSQL: DATABASE_URL when set, else an embedded PostgreSQL 16 with
 * persistent data.
 */
package com.tradingbacktest.app.common.database;
