package com.tradingbacktest.app.common.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * Marks the response properties that may be null in the OpenAPI document: every record component
 * annotated {@code @Schema(nullable = true)}, and the values of every map or array component
 * annotated {@link NullableValues}. Swagger drops {@code nullable} when it writes OpenAPI 3.1, and
 * every response property is listed as required (they are always sent), so without this the
 * generated client would promise a value where the API sends null.
 *
 * <p>In 3.1 a nullable property is {@code "type": [..., "null"]}; a reference to another schema
 * becomes {@code anyOf} of the reference and {@code null}, so the referenced schema itself stays
 * non-null.
 */
final class NullableProperties {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  /** Schema name to its nullable property names (as on the wire). */
  private final Map<String, Set<String>> bySchema;

  /** Schema name to the names of its properties whose values may be null. */
  private final Map<String, Set<String>> valuesBySchema;

  private NullableProperties(
      Map<String, Set<String>> bySchema, Map<String, Set<String>> valuesBySchema) {
    this.bySchema = bySchema;
    this.valuesBySchema = valuesBySchema;
  }

  /** Reads the records under {@code basePackage}. */
  static NullableProperties scan(String basePackage) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(
        (reader, factory) ->
            "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName()));
    Map<String, Set<String>> bySchema = new HashMap<>();
    Map<String, Set<String>> valuesBySchema = new HashMap<>();
    for (var candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type =
          ClassUtils.resolveClassName(
              candidate.getBeanClassName(), NullableProperties.class.getClassLoader());
      for (RecordComponent component : type.getRecordComponents()) {
        var schema =
            component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        if (schema != null && schema.nullable()) {
          bySchema
              .computeIfAbsent(schemaName(type), k -> new HashSet<>())
              .add(propertyName(component));
        }
        if (component.getAccessor().isAnnotationPresent(NullableValues.class)) {
          valuesBySchema
              .computeIfAbsent(schemaName(type), k -> new HashSet<>())
              .add(propertyName(component));
        }
      }
    }
    return new NullableProperties(bySchema, valuesBySchema);
  }

  /** Schema name to the names of its nullable properties, as found. */
  Map<String, Set<String>> bySchema() {
    return bySchema;
  }

  /** Schema name to the names of its properties whose values may be null, as found. */
  Map<String, Set<String>> valuesBySchema() {
    return valuesBySchema;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  void apply(OpenAPI openApi) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    if (schemas == null) {
      return;
    }
    // Values first: a nullable property may become an anyOf, which has no values of its own to
    // mark.
    valuesBySchema.forEach(
        (name, properties) ->
            forEachProperty(
                schemas,
                name,
                properties,
                (props, property) -> {
                  Schema p = props.get(property);
                  Schema container = p;
                  while (innerOf(container) != null && innerOf(innerOf(container)) != null) {
                    container = innerOf(container);
                  }
                  if (container.getAdditionalProperties() instanceof Schema values) {
                    container.setAdditionalProperties(nullable(values));
                  } else if (container.getItems() != null) {
                    container.setItems(nullable(container.getItems()));
                  }
                }));
    bySchema.forEach(
        (name, properties) ->
            forEachProperty(
                schemas,
                name,
                properties,
                (props, property) -> props.put(property, nullable(props.get(property)))));
  }

  /** The schema of a map's values or an array's items; null for anything else. */
  @SuppressWarnings("rawtypes")
  private static Schema innerOf(Schema container) {
    if (container.getAdditionalProperties() instanceof Schema values) {
      return values;
    }
    return container.getItems();
  }

  /** Runs {@code action} on each of the named properties that the schema has. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void forEachProperty(
      Map<String, Schema> schemas,
      String name,
      Set<String> properties,
      java.util.function.BiConsumer<Map<String, Schema>, String> action) {
    Schema schema = schemas.get(name);
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    Map<String, Schema> props = schema.getProperties();
    for (String property : properties) {
      if (props.get(property) != null) {
        action.accept(props, property);
      }
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema nullable(Schema property) {
    if (property.get$ref() != null) {
      Schema either =
          new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()), nullType()));
      either.setDescription(property.getDescription());
      return either;
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    } else if (property.getType() != null) {
      types.add(property.getType());
    }
    types.add("null");
    property.setTypes(types);
    return property;
  }

  @SuppressWarnings("rawtypes")
  private static Schema nullType() {
    Schema none = new JsonSchema();
    none.addType("null");
    return none;
  }

  private static String schemaName(Class<?> type) {
    var schema = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
    return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
  }

  private static String propertyName(RecordComponent component) {
    JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
    return named != null && !named.value().isEmpty()
        ? named.value()
        : SNAKE_CASE.translate(component.getName());
  }
}
