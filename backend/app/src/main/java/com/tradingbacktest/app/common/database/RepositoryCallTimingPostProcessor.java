package com.tradingbacktest.app.common.database;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener;
import org.springframework.stereotype.Repository;
import org.springframework.util.ReflectionUtils;

/**
 * Puts a {@link RepositoryCallTimer} around every method of every bean whose class is annotated
 * {@link Repository @Repository}, the way Spring's exception translation proxies them (and into the
 * same proxy, outermost, when there already is one). Spring Data repositories are left out: Spring
 * Data times them itself.
 */
final class RepositoryCallTimingPostProcessor extends AbstractAdvisingBeanPostProcessor {

  private static final long serialVersionUID = 1L;

  RepositoryCallTimingPostProcessor(Supplier<List<RepositoryMethodInvocationListener>> listeners) {
    ClassFilter repositoryClasses =
        type ->
            AnnotatedElementUtils.hasAnnotation(type, Repository.class)
                && !org.springframework.data.repository.Repository.class.isAssignableFrom(type);
    this.advisor =
        new DefaultPointcutAdvisor(
            new ComposablePointcut(repositoryClasses, new DeclaredMethods()),
            new RepositoryCallTimer(listeners));
    setBeforeExistingAdvisors(true);
    setProxyTargetClass(true);
  }

  /** Every method but those of {@link Object} ({@code toString}, {@code equals}, ...). */
  private static final class DeclaredMethods extends StaticMethodMatcher {
    @Override
    public boolean matches(Method method, Class<?> targetClass) {
      return !ReflectionUtils.isObjectMethod(method);
    }
  }
}
