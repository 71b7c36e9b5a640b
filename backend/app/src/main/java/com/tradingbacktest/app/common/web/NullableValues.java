package com.tradingbacktest.app.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a response record's map or array component: its values (for nested arrays, the innermost ones)
 * may be null, as a metric that is undefined for a run is. {@code @Schema(nullable = true)} says
 * the same of the component itself; the two combine. The OpenAPI document says so through {@link
 * NullableProperties}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD})
public @interface NullableValues {}
