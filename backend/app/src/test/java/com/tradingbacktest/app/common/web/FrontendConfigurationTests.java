package com.tradingbacktest.app.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.common.web.FrontendConfiguration.FrontendFiles;
import com.tradingbacktest.app.common.web.FrontendConfiguration.FrontendHandlerMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.util.ServletRequestPathUtils;

/** How request paths map onto the web application's static export. */
class FrontendConfigurationTests {

  @TempDir Path export;

  private FrontendHandlerMapping mapping;

  @BeforeEach
  void writeExport() throws IOException {
    write("index.html", "<h1>home</h1>");
    write("404.html", "<h1>not found</h1>");
    write("strategies.html", "<h1>strategies</h1>");
    write("strategies.txt", "rsc strategies");
    write("strategies/new.html", "<h1>new strategy</h1>");
    write("strategies/_.html", "<h1>one strategy</h1>");
    write("strategies/_.txt", "rsc one strategy");
    write("strategies/_/__next._tree.txt", "tree of one strategy");
    write("data/index.html", "<h1>data</h1>");
    write("_next/static/chunks/app-3f9a.js", "console.log(1)");
    mapping = mapping(export);
  }

  @Test
  void servesPagesAtCleanUrls() {
    FrontendFiles files = mapping.files();

    assertThat(files.resolve("/")).contains("index.html");
    assertThat(files.resolve("/strategies")).contains("strategies.html");
    assertThat(files.resolve("/strategies.txt")).contains("strategies.txt");
    assertThat(files.resolve("/strategies/new")).contains("strategies/new.html");
    assertThat(files.resolve("/data")).contains("data/index.html");
    assertThat(files.resolve("/data/")).contains("data/index.html");
    assertThat(files.resolve("/_next/static/chunks/app-3f9a.js"))
        .contains("_next/static/chunks/app-3f9a.js");
  }

  @Test
  void findsDynamicRoutesByTheirPlaceholderPages() {
    assertThat(mapping.files().dynamicPrefixes()).containsExactly("/strategies/");
  }

  @Test
  void answersEveryIdOfADynamicRouteWithItsPlaceholderPage() {
    FrontendFiles files = mapping.files();

    assertThat(files.resolve("/strategies/0b7e2c1a-9f3d-4c55-8a0e-1f2d3c4b5a69"))
        .contains("strategies/_.html");
    assertThat(files.resolve("/strategies/42.txt")).contains("strategies/_.txt");
    assertThat(files.resolve("/strategies/42/__next._tree.txt"))
        .contains("strategies/_/__next._tree.txt");
    assertThat(files.resolve("/strategies/42/unknown.txt")).isEmpty();
  }

  @Test
  void neverReadsOutsideTheExport() throws IOException {
    Files.writeString(export.getParent().resolve("secret.txt"), "secret");
    FrontendFiles files = mapping.files();

    assertThat(files.resolve("/../secret.txt")).isEmpty();
    assertThat(files.resolve("/strategies/../../secret.txt")).isEmpty();
    assertThat(files.resolve("/strategies/..")).isEmpty();
    assertThat(files.resolve("/strategies\\..\\..\\secret.txt")).isEmpty();
    assertThat(files.resolve("//etc/passwd")).isEmpty();
  }

  @Test
  void leavesTheBackendsPathsToTheBackend() throws Exception {
    assertThat(handlerFor("GET", "/api/v1/strategies")).isNull();
    assertThat(handlerFor("GET", "/api/unknown")).isNull();
    assertThat(handlerFor("GET", "/actuator/health")).isNull();
    assertThat(handlerFor("GET", "/docs")).isNull();
    assertThat(handlerFor("GET", "/swagger-ui/index.html")).isNull();
    assertThat(handlerFor("POST", "/strategies")).isNull();
  }

  @Test
  void servesPagesThatRevalidateAndHashedAssetsThatNeverChange() throws Exception {
    MockHttpServletResponse page = get("/strategies/7");
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<h1>one strategy</h1>");
    assertThat(page.getContentType()).startsWith("text/html");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-cache");

    MockHttpServletResponse payload = get("/strategies/7.txt");
    assertThat(payload.getContentType()).startsWith("text/plain");

    MockHttpServletResponse asset = get("/_next/static/chunks/app-3f9a.js");
    assertThat(asset.getStatus()).isEqualTo(200);
    assertThat(asset.getHeader("Cache-Control")).contains("max-age=31536000", "immutable");
  }

  @Test
  void answersUnknownPathsWithTheExportsNotFoundPage() throws Exception {
    MockHttpServletResponse response = get("/no/such/page");

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentType()).startsWith("text/html");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<h1>not found</h1>");
  }

  @Test
  void servesNothingWithoutAnExport(@TempDir Path empty) throws Exception {
    mapping = mapping(empty);

    assertThat(mapping.files().present()).isFalse();
    assertThat(handlerFor("GET", "/")).isNull();
    assertThat(handlerFor("GET", "/strategies")).isNull();
  }

  private MockHttpServletResponse get(String path) throws Exception {
    MockHttpServletRequest request = request("GET", path);
    HandlerExecutionChain chain = mapping.getHandler(request);
    assertThat(chain).isNotNull();
    MockHttpServletResponse response = new MockHttpServletResponse();
    ((HttpRequestHandler) chain.getHandler()).handleRequest(request, response);
    return response;
  }

  private Object handlerFor(String method, String path) throws Exception {
    HandlerExecutionChain chain = mapping.getHandler(request(method, path));
    return chain == null ? null : chain.getHandler();
  }

  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    ServletRequestPathUtils.parseAndCache(request);
    return request;
  }

  private static FrontendHandlerMapping mapping(Path dir) {
    FrontendHandlerMapping mapping = new FrontendHandlerMapping(FrontendFiles.directory(dir));
    StaticWebApplicationContext context = new StaticWebApplicationContext();
    context.setServletContext(new MockServletContext());
    context.refresh();
    mapping.setServletContext(context.getServletContext());
    mapping.setApplicationContext(context);
    return mapping;
  }

  private void write(String relative, String content) throws IOException {
    Path file = export.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
