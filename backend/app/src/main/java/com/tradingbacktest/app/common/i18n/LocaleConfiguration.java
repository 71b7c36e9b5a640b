package com.tradingbacktest.app.common.i18n;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.support.JacksonHandlerInstantiator;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * A request speaks Korean when its {@code Accept-Language} prefers it, English otherwise; the
 * bundles themselves are Spring Boot's {@code MessageSource} ({@code spring.messages.*} in
 * application.yml).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

  /** Named so, Spring MVC uses it instead of Boot's default, which accepts any language. */
  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.copyOf(Translator.SUPPORTED));
    resolver.setDefaultLocale(Locale.ENGLISH);
    return resolver;
  }

  /**
   * Lets Jackson build serializers as beans, so {@link LocalizedText} can reach the {@link
   * Translator}.
   */
  @Bean
  JsonMapperBuilderCustomizer springHandlerInstantiator(AutowireCapableBeanFactory beans) {
    return builder -> builder.handlerInstantiator(new JacksonHandlerInstantiator(beans));
  }
}
