package com.tradingbacktest.app.common.error;

import com.tradingbacktest.app.common.i18n.Translator;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place exceptions become responses: RFC 9457 problem documents with a stable {@code type},
 * a human {@code detail}, field errors for validation and the request id. Nothing internal (class
 * names, stack traces, SQL) is ever written to the client; unexpected failures are logged with the
 * request id and answered with a generic 500.
 */
@RestControllerAdvice
class GlobalExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

  private final Translator translator;

  GlobalExceptionHandler(Translator translator) {
    this.translator = translator;
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException ex) {
    Object[] arguments = ex.messageArguments();
    String detail =
        arguments == null
            ? ex.getMessage()
            : translator.message("problem." + ex.slug(), Translator.currentLocale(), arguments);
    ProblemDetail problem = Problems.of(ex.kind(), ex.slug(), detail);
    ex.properties().forEach(problem::setProperty);
    HttpHeaders headers = new HttpHeaders();
    if (ex instanceof RetryableException retryable) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryable.retryAfterSeconds()));
    }
    return respond(problem, headers);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(snakeCase(error.getField()), error.getDefaultMessage()));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> errors.add(new FieldProblem(null, error.getDefaultMessage())));
    return validationFailed(errors);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex) {
    List<FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result -> {
              String name = snakeCase(result.getMethodParameter().getParameterName());
              result
                  .getResolvableErrors()
                  .forEach(error -> errors.add(new FieldProblem(name, error.getDefaultMessage())));
            });
    return validationFailed(errors);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
    List<FieldProblem> errors =
        ex.getConstraintViolations().stream()
            .map(
                v ->
                    new FieldProblem(
                        snakeCase(lastNode(v.getPropertyPath().toString())), v.getMessage()))
            .toList();
    return validationFailed(errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
    if (findCause(ex, PayloadTooLargeException.class)
        instanceof PayloadTooLargeException tooLarge) {
      return domain(tooLarge);
    }
    Throwable cause = ex.getCause();
    String detail = "The request body is not valid JSON.";
    String field = null;
    if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      field =
          jackson.getPath().stream()
              .map(
                  ref ->
                      ref.getPropertyName() != null
                          ? ref.getPropertyName()
                          : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      if (cause instanceof UnrecognizedPropertyException) {
        detail = "Unknown field '" + field + "'.";
      } else if (cause instanceof MismatchedInputException mismatched) {
        // InvalidFormatException (a value of the wrong form) is a MismatchedInputException too.
        detail =
            "Field '"
                + field
                + "' has the wrong type: expected "
                + describe(mismatched.getTargetType())
                + ".";
      } else {
        detail = "Field '" + field + "' could not be read.";
      }
    } else if (ex.getMessage() != null
        && ex.getMessage().startsWith("Required request body is missing")) {
      detail = "The request body is missing.";
    }
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    if (field != null) {
      problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
    }
    return respond(problem, new HttpHeaders());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
    String name = snakeCase(ex.getName());
    if (ex.getParameter()
        .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
      // A malformed id cannot name anything that exists: same answer as an unknown id.
      return respond(
          Problems.of(ProblemKind.NOT_FOUND, "not-found", "The resource was not found"),
          new HttpHeaders());
    }
    String detail =
        "Parameter '"
            + name
            + "' has the wrong type: expected "
            + describe(ex.getRequiredType())
            + ".";
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    problem.setProperty("errors", List.of(new FieldProblem(name, detail)));
    return respond(problem, new HttpHeaders());
  }

  /**
   * Tomcat gave up parsing the parameters (more than it accepts, or badly encoded) when a handler
   * first read them: the client's mistake, not ours.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException ex) {
    return respond(
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "malformed-request",
            "Malformed request",
            "The request's parameters could not be read: too many, or not properly encoded."),
        new HttpHeaders());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex) {
    if (partHeadersTooLong(ex)) {
      // Tomcat's limit on one part's headers (server.tomcat.max-part-header-size), which Spring
      // reports as an upload too large: it is the file name or a field name that is too long.
      return respond(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "malformed-request",
              "Malformed request",
              "A part of the upload has headers longer than the server accepts; is the file name"
                  + " very long?"),
          new HttpHeaders());
    }
    return respond(
        Problems.of(
            ProblemKind.PAYLOAD_TOO_LARGE,
            "payload-too-large",
            "The uploaded file is larger than the server accepts."),
        new HttpHeaders());
  }

  /** An upload Tomcat could not parse (sizes are the handler above). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadableUpload(MultipartException ex) {
    if (findCause(ex, InvalidFileNameException.class) != null) {
      String detail = "The file name is not valid: it holds a NUL character.";
      ProblemDetail problem =
          Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
      problem.setProperty("errors", List.of(new FieldProblem("file", detail)));
      return respond(problem, new HttpHeaders());
    }
    return respond(
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "malformed-request",
            "Malformed request",
            "The upload is not a readable multipart form."),
        new HttpHeaders());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    if (ex instanceof ErrorResponse known) {
      // Spring MVC's own failures (405, 406, 415, missing parameter, no such route...).
      HttpStatus status = HttpStatus.resolve(known.getStatusCode().value());
      String title = status != null ? status.getReasonPhrase() : "Error";
      String detail = known.getBody().getDetail() != null ? known.getBody().getDetail() : title;
      ProblemDetail problem = Problems.of(known.getStatusCode(), slugOf(title), title, detail);
      HttpHeaders headers = new HttpHeaders();
      headers.putAll(known.getHeaders());
      return respond(problem, headers);
    }
    if (ex instanceof org.springframework.security.access.AccessDeniedException) {
      return respond(
          Problems.of(ProblemKind.FORBIDDEN, "forbidden", "You are not allowed to do this."),
          new HttpHeaders());
    }
    if (ex instanceof org.springframework.security.core.AuthenticationException) {
      return respond(
          Problems.of(
              ProblemKind.UNAUTHORIZED,
              "unauthorized",
              "Sign in, or send a valid access token or API key."),
          new HttpHeaders());
    }
    if (holdsNulCharacter(ex)) {
      // PostgreSQL stores no NUL (U+0000) in text, whatever field or parameter carried it; the
      // statement failed, so its transaction wrote nothing.
      return respond(
          Problems.of(
              ProblemKind.BAD_REQUEST,
              "invalid-text",
              "Text in the request may not contain the NUL character (U+0000)."),
          new HttpHeaders());
    }
    if (DatabaseUnavailable.isCause(ex)) {
      log.warn("Database unavailable: {}", ex.getMessage());
      return domain(new DatabaseUnavailable());
    }
    log.error("Unhandled error", ex);
    return respond(
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "Something went wrong on our side. Quote the request id when reporting it."),
        new HttpHeaders());
  }

  private ResponseEntity<ProblemDetail> validationFailed(List<FieldProblem> errors) {
    List<FieldProblem> sorted =
        errors.stream()
            .sorted(
                Comparator.comparing(
                    FieldProblem::field, Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList();
    String detail =
        sorted.size() == 1
            ? describe(sorted.get(0))
            : sorted.size()
                + " fields are invalid: "
                + sorted.stream()
                    .map(GlobalExceptionHandler::describe)
                    .collect(Collectors.joining("; "))
                + ".";
    ProblemDetail problem = Problems.of(ProblemKind.UNPROCESSABLE, "validation-failed", detail);
    problem.setTitle("Validation failed");
    problem.setProperty("errors", sorted);
    return respond(problem, new HttpHeaders());
  }

  private static String describe(FieldProblem problem) {
    return problem.field() == null ? problem.message() : problem.field() + ": " + problem.message();
  }

  /** {@code problem} in the request's language (see {@link Problems#localize}). */
  private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
    Problems.localize(problem, translator, Translator.currentLocale());
    return ResponseEntity.status(problem.getStatus())
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .map(String::toLowerCase)
              .collect(Collectors.joining(", "));
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type == java.util.UUID.class) {
      return "a UUID";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date or time";
    }
    return "an object";
  }

  private static boolean partHeadersTooLong(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null
          && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("header section")) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE 22021, character_not_in_repertoire: what PostgreSQL says of a NUL in text. */
  private static boolean holdsNulCharacter(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String slugOf(String title) {
    return title
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /** camelCase Java names to the snake_case the API speaks. */
  static String snakeCase(String name) {
    if (name == null) {
      return null;
    }
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Throwable findCause(Throwable ex, Class<? extends Throwable> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  /** One invalid field (or, with {@code field} null, the request as a whole). */
  record FieldProblem(String field, String message) {}
}
