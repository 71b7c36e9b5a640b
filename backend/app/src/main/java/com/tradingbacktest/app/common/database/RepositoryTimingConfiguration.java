package com.tradingbacktest.app.common.database;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener;
import org.springframework.util.function.SingletonSupplier;

/**
 * Every repository call is timed and reported to the {@link RepositoryMethodInvocationListener}s:
 * Spring Boot's {@code spring.data.repository.invocations} timer (tags {@code repository}, {@code
 * method}, {@code state}, {@code exception}) and the {@link SlowRepositoryCallLog}.
 *
 * <ul>
 *   <li>Spring Data repositories (the JPA interfaces): Spring Data times each call itself; Spring
 *       Boot adds its timer to their factories, this adds the slow-call log.
 *   <li>{@code @Repository} classes (JdbcClient, COPY): {@link RepositoryCallTimingPostProcessor}
 *       times each call and reports it to every listener bean, as Spring Data would.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RepositoryTimingConfiguration {

  @Bean
  SlowRepositoryCallLog slowRepositoryCallLog(DatabaseSettings settings) {
    return new SlowRepositoryCallLog(settings.slowQueryMs());
  }

  @Bean
  static RepositoryCallTimingPostProcessor repositoryCallTimingPostProcessor(
      ObjectProvider<RepositoryMethodInvocationListener> listeners) {
    return new RepositoryCallTimingPostProcessor(
        SingletonSupplier.of(() -> listeners.orderedStream().toList()));
  }

  @Bean
  static BeanPostProcessor slowRepositoryCallLogOnSpringDataRepositories(
      ObjectProvider<SlowRepositoryCallLog> slowCallLog) {
    Supplier<SlowRepositoryCallLog> listener = SingletonSupplier.of(slowCallLog::getObject);
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factory) {
          factory.addRepositoryFactoryCustomizer(
              repositories -> repositories.addInvocationListener(listener.get()));
        }
        return bean;
      }
    };
  }
}
