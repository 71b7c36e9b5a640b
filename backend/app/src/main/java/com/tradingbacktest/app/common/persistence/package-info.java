/** What JPA entities of every feature share. */
package com.tradingbacktest.app.common.persistence;
