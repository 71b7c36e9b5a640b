package com.tradingbacktest.app.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.common.error.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every message the server can send exists in English and Korean: the bundles hold the same keys
 * with the same placeholders, and every {@link DomainException} of the app has its {@code
 * problem.<slug>} in both. A new exception class without its translations fails here.
 */
class BundleCoverageTests {

  private static final Properties ENGLISH = load(Translator.BUNDLE + ".properties");
  private static final Properties KOREAN = load(Translator.BUNDLE + "_ko.properties");

  @Test
  void bothBundlesHoldTheSameKeysWithTheSamePlaceholders() {
    Set<String> english = new TreeSet<>(ENGLISH.stringPropertyNames());
    Set<String> korean = new TreeSet<>(KOREAN.stringPropertyNames());
    assertThat(korean).isEqualTo(english);
    for (String key : english) {
      assertThat(placeholders(KOREAN.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(ENGLISH.getProperty(key)));
      assertThat(KOREAN.getProperty(key)).as(key).isNotBlank();
    }
  }

  @Test
  void everyDomainExceptionHasItsProblemInBothLanguages() throws Exception {
    List<String> missing = new ArrayList<>();
    List<Class<?>> classes = domainExceptions();
    assertThat(classes).hasSizeGreaterThan(20);
    for (Class<?> type : classes) {
      String key = "problem." + instantiate(type).slug();
      if (!KOREAN.containsKey(key) || !ENGLISH.containsKey(key)) {
        missing.add(type.getName() + " -> " + key);
      }
    }
    assertThat(missing).as("add these keys to both i18n/messages*.properties").isEmpty();
  }

  private static List<Class<?>> domainExceptions() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(
              org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isConcrete();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(DomainException.class));
    List<Class<?>> found = new ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("com.tradingbacktest.app")) {
      Class<?> type = Class.forName(definition.getBeanClassName());
      if (!Modifier.isAbstract(type.getModifiers())) {
        found.add(type);
      }
    }
    return found;
  }

  /** An instance made with placeholder arguments, only to read its slug. */
  private static DomainException instantiate(Class<?> type) throws Exception {
    Exception last = null;
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      constructor.setAccessible(true);
      Type[] parameters = constructor.getGenericParameterTypes();
      Object[] arguments = new Object[parameters.length];
      for (int i = 0; i < parameters.length; i++) {
        arguments[i] = placeholder(parameters[i]);
      }
      try {
        return (DomainException) constructor.newInstance(arguments);
      } catch (ReflectiveOperationException | RuntimeException e) {
        last = e;
      }
    }
    throw new AssertionError(
        "cannot make a " + type.getName() + " to read its slug; teach placeholder(...)", last);
  }

  private static Object placeholder(Type generic) throws Exception {
    if (generic instanceof ParameterizedType parameterized
        && parameterized.getRawType() == List.class) {
      Object element = placeholder(parameterized.getActualTypeArguments()[0]);
      return element == null ? List.of() : List.of(element);
    }
    if (!(generic instanceof Class<?> type)) {
      return null;
    }
    if (type == String.class || type == Object.class) {
      return "x";
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == double.class || type == Double.class) {
      return 1.0;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == UUID.class) {
      return UUID.randomUUID();
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == Map.class) {
      return Map.of("field", "is required");
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (!type.isInterface() && !type.getName().startsWith("java.")) {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        Type[] parameters = constructor.getGenericParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
          arguments[i] = placeholder(parameters[i]);
        }
        constructor.setAccessible(true);
        try {
          return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // try the next constructor
        }
      }
    }
    return null;
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = BundleCoverageTests.class.getClassLoader().getResourceAsStream(resource);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static Set<String> placeholders(String template) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)}").matcher(template);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
