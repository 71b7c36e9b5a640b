package com.tradingbacktest.app.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Requests that Tomcat, Spring Security's firewall or the CORS check refuse before any controller
 * sees them still get a problem document, never an HTML page, Boot's default JSON or plain text.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemsAtTheEdgeIntegrationTests extends IntegrationTest {

  @Test
  void refusesMoreQueryParametersThanTomcatParsesWithAProblemAndNoErrorLog(CapturedOutput output) {
    String query =
        IntStream.range(0, 1_001).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

    Response response = api.get("/api/v1/auth/me?" + query);
    Response login =
        api.post(
            "/api/v1/auth/login?" + query, Map.of("login", "nobody", "password", "wrong-pass1"));

    for (Response r : List.of(response, login)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertProblem(r.header("Content-Type"), r.body(), "/problems/too-many-parameters");
    }
    assertThat(output.getOut() + output.getErr()).doesNotContain(" ERROR ", "InvalidParameter");
  }

  @Test
  void refusesAFormBodyOfMoreParametersThanTomcatParsesWithAProblemAndNoErrorLog(
      CapturedOutput output) throws IOException, InterruptedException {
    String form =
        IntStream.range(0, 1_001).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertProblem(response.headers().firstValue("Content-Type").orElse(""), response.body(), null);
    assertThat(output.getOut() + output.getErr()).doesNotContain(" ERROR ", "InvalidParameter");
  }

  @Test
  void answersAnEncodedPercentInAPathWithAProblem() {
    JsonNode user = api.registerUser("pct");

    Response response = api.get("/api/v1/backtests/%25", "Authorization", Api.bearer(user));

    assertThat(response.status()).as(response.toString()).isIn(400, 404);
    assertProblem(response.header("Content-Type"), response.body(), null);
  }

  @Test
  void answersPathsTomcatRefusesWithAProblem() throws IOException {
    for (String path : List.of("/api/v1/backtests/%00", "/api/v1/backtests/a%5Cb", "/a%00b")) {
      RawResponse response = raw("GET " + path + " HTTP/1.1");

      assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
      assertProblem(response.contentType(), response.body(), "/problems/malformed-request");
    }
  }

  @Test
  void answersAnOverlongUrlWithAProblem() throws IOException {
    RawResponse response = raw("GET /api/v1/strategies?q=" + "x".repeat(9_000) + " HTTP/1.1");

    assertThat(response.status()).as(response.toString()).isIn(400, 414);
    assertProblem(response.contentType(), response.body(), null);
    assertThat(response.body()).doesNotContain("<html", "Tomcat");
  }

  @Test
  void refusesACrossOriginRequestWithAProblem() {
    Response preflight =
        api.request(
            "OPTIONS",
            "/api/v1/strategies",
            "Origin",
            "https://evil.example",
            "Access-Control-Request-Method",
            "GET");
    Response simple = api.get("/api/v1/strategies", "Origin", "https://evil.example");

    for (Response r : List.of(preflight, simple)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(403);
      assertProblem(r.header("Content-Type"), r.body(), "/problems/cors-rejected");
      assertThat(r.json().path("detail").asString()).contains("https://evil.example");
    }
    Response allowed =
        api.request(
            "OPTIONS",
            "/api/v1/strategies",
            "Origin",
            "http://localhost:3000",
            "Access-Control-Request-Method",
            "GET");
    assertThat(allowed.status()).isEqualTo(200);
  }

  private static void assertProblem(String contentType, String body, String type) {
    assertThat(contentType).startsWith("application/problem+json");
    assertThat(body).contains("\"status\"", "\"title\"", "\"detail\"").doesNotContain("trace");
    if (type != null) {
      assertThat(body).contains("\"type\":\"" + type + "\"");
    }
  }

  /** Sends one request line as is, without a client that would re-encode or refuse it. */
  private RawResponse raw(String requestLine) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      List<String> lines = head.lines().toList();
      int status = Integer.parseInt(lines.get(0).substring(9, 12));
      String contentType = "";
      boolean chunked = false;
      for (String line : lines) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          contentType = line.substring("content-type:".length()).trim();
        }
        if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      return new RawResponse(status, contentType, chunked ? unchunk(body) : body);
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
    return out.toString();
  }

  private record RawResponse(int status, String contentType, String body) {}
}
