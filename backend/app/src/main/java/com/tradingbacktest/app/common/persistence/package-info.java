/** What the persistence code of every feature shares: the JPA entities' base, SQL helpers. */
package com.tradingbacktest.app.common.persistence;
