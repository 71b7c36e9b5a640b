/**
 * The user's language on the server: which locale a request speaks (English or Korean, from {@code
 * Accept-Language}), the translation bundles under {@code i18n/}, and {@link
 * com.tradingbacktest.app.common.i18n.Translator}, which renders a bundle key or turns an English
 * message (a compile error, a CSV row's reason, a stored failure) into the request's language.
 */
package com.tradingbacktest.app.common.i18n;
