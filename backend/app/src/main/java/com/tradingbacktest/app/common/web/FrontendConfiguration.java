package com.tradingbacktest.app.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Serves the web application's static export (frontend/out) at the same origin as the API, with
 * clean URLs: {@code /strategies} is {@code strategies.html} (or {@code strategies/index.html}), so
 * deep links work on reload. A dynamic route is exported once for the placeholder segment {@code _}
 * ({@code strategies/_.html}); every {@code /strategies/<id>} (and its {@code .txt} payloads) is
 * answered with that page, which reads the id from the address. The dynamic routes are found by
 * looking for {@code _.html} files, so a new one needs no change here. Any other path outside the
 * backend's own ({@code /api}, {@code /actuator}, {@code /docs} and Swagger UI) gets the export's
 * 404 page.
 *
 * <p>The export is read from {@code FRONTEND_DIR} when set, else from {@code static/} on the
 * classpath, where {@code make build} puts it inside the jar. Without either, this serves nothing.
 */
@Configuration(proxyBeanMethods = false)
class FrontendConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FrontendConfiguration.class);

  @Bean
  FrontendHandlerMapping frontendHandlerMapping(
      @Value("${tb.frontend.dir:${FRONTEND_DIR:}}") String dir) {
    FrontendFiles files =
        dir.isBlank() ? FrontendFiles.classpath("static/") : FrontendFiles.directory(Path.of(dir));
    if (files.present()) {
      log.info(
          "Serving the web application from {} (dynamic routes: {})",
          files.description(),
          files.dynamicPrefixes());
    } else if (!dir.isBlank()) {
      log.warn("FRONTEND_DIR={} has no index.html; the web application is not served", dir);
    }
    return new FrontendHandlerMapping(files);
  }

  /** Paths that always belong to the backend, even when nothing there matches. */
  static boolean isBackendPath(String path) {
    return startsWithSegment(path, "/api")
        || startsWithSegment(path, "/actuator")
        || startsWithSegment(path, "/docs")
        || startsWithSegment(path, "/swagger-ui")
        || startsWithSegment(path, "/v3")
        || startsWithSegment(path, "/error");
  }

  private static boolean startsWithSegment(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /** The files of the export and how a request path maps onto them. */
  static final class FrontendFiles {

    static final String PLACEHOLDER = "_";
    static final String NOT_FOUND_PAGE = "404.html";

    private final Resource root;
    private final String description;
    private final List<String> dynamicPrefixes;

    private FrontendFiles(Resource root, String description, String pattern) {
      this.root = root;
      this.description = description;
      this.dynamicPrefixes = present() ? findDynamicPrefixes(root, pattern) : List.of();
    }

    static FrontendFiles classpath(String location) {
      return new FrontendFiles(
          new ClassPathResource(location),
          "classpath:" + location,
          "classpath:" + location + "**/" + PLACEHOLDER + ".html");
    }

    static FrontendFiles directory(Path dir) {
      String absolute = dir.toAbsolutePath().normalize().toString().replace('\\', '/');
      return new FrontendFiles(
          new FileSystemResource(absolute + "/"),
          absolute,
          "file:" + absolute + "/**/" + PLACEHOLDER + ".html");
    }

    boolean present() {
      return readable("index.html").isPresent();
    }

    String description() {
      return description;
    }

    /** Route prefixes with a placeholder page, longest first: {@code /strategies/}. */
    List<String> dynamicPrefixes() {
      return dynamicPrefixes;
    }

    /**
     * The file that answers a (decoded) request path, as a path relative to the export's root;
     * empty when nothing does. Never leaves the root: paths with {@code ..}, backslashes or control
     * characters match nothing.
     */
    Optional<String> resolve(String path) {
      if (!isSafe(path)) {
        return Optional.empty();
      }
      Optional<String> direct = cleanUrl(path);
      if (direct.isPresent()) {
        return direct;
      }
      for (String prefix : dynamicPrefixes) {
        if (path.startsWith(prefix) && path.length() > prefix.length()) {
          Optional<String> dynamic =
              cleanUrl(prefix + placeholderFor(path.substring(prefix.length())));
          if (dynamic.isPresent()) {
            return dynamic;
          }
        }
      }
      return Optional.empty();
    }

    Optional<Resource> resource(String relativePath) {
      return readable(relativePath);
    }

    Resource root() {
      return root;
    }

    /**
     * {@code abc} → {@code _}, {@code abc.txt} → {@code _.txt}, {@code abc/x.txt} → {@code
     * _/x.txt}.
     */
    private static String placeholderFor(String rest) {
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      String tail = slash < 0 ? "" : rest.substring(slash);
      String suffix = segment.endsWith(".txt") ? ".txt" : segment.endsWith(".html") ? ".html" : "";
      return PLACEHOLDER + suffix + tail;
    }

    private Optional<String> cleanUrl(String path) {
      String relative = path.substring(1);
      if (relative.isEmpty() || relative.endsWith("/")) {
        return present(relative + "index.html");
      }
      return present(relative)
          .or(() -> present(relative + ".html"))
          .or(() -> present(relative + "/index.html"));
    }

    private Optional<String> present(String relative) {
      return readable(relative).map(r -> relative);
    }

    private Optional<Resource> readable(String relative) {
      try {
        Resource resource = root.createRelative(relative);
        return resource.exists() && resource.isReadable() && !isDirectory(resource)
            ? Optional.of(resource)
            : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    private static boolean isDirectory(Resource resource) {
      try {
        return resource.isFile() && resource.getFile().isDirectory();
      } catch (IOException e) {
        return false;
      }
    }

    private static boolean isSafe(String path) {
      if (!path.startsWith("/") || path.contains("\\") || path.contains("//")) {
        return false;
      }
      for (String segment : path.split("/", -1)) {
        if (segment.equals("..") || segment.equals(".")) {
          return false;
        }
      }
      return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == ':');
    }

    private static List<String> findDynamicPrefixes(Resource root, String pattern) {
      try {
        String base = root.getURL().toExternalForm();
        List<String> prefixes = new ArrayList<>();
        for (Resource page : new PathMatchingResourcePatternResolver().getResources(pattern)) {
          String url = page.getURL().toExternalForm();
          if (url.startsWith(base)) {
            String relative = url.substring(base.length());
            prefixes.add(
                "/" + relative.substring(0, relative.length() - (PLACEHOLDER + ".html").length()));
          }
        }
        prefixes.sort(
            Comparator.comparingInt(String::length)
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(prefixes);
      } catch (MalformedURLException e) {
        return List.of();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the web application's dynamic routes", e);
      }
    }
  }

  /**
   * Maps GET and HEAD requests outside the backend's paths onto the export, after every controller
   * and before Spring's catch-all static resource mapping.
   */
  static final class FrontendHandlerMapping extends AbstractHandlerMapping {

    /** Next.js names everything under _next/static by content hash: it never changes. */
    private static final String IMMUTABLE_PREFIX = "_next/static/";

    private final FrontendFiles files;
    private final ResourceHttpRequestHandler immutable = new ResourceHttpRequestHandler();
    private final ResourceHttpRequestHandler revalidated = new ResourceHttpRequestHandler();
    private final NotFoundPage notFound;

    FrontendHandlerMapping(FrontendFiles files) {
      this.files = files;
      this.notFound = new NotFoundPage(files);
      setOrder(Ordered.LOWEST_PRECEDENCE - 2);
      immutable.setLocations(List.of(files.root()));
      immutable.setCacheControl(
          CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
      revalidated.setLocations(List.of(files.root()));
      revalidated.setCacheControl(CacheControl.noCache());
    }

    @Override
    protected void initApplicationContext() {
      super.initApplicationContext();
      for (ResourceHttpRequestHandler handler : List.of(immutable, revalidated)) {
        if (getServletContext() != null) {
          handler.setServletContext(getServletContext());
        }
        handler.setApplicationContext(obtainApplicationContext());
        try {
          handler.afterPropertiesSet();
        } catch (Exception e) {
          throw new IllegalStateException("Cannot set up the web application's file handler", e);
        }
      }
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
      String method = request.getMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        return null;
      }
      String path = initLookupPath(request);
      if (isBackendPath(path) || !files.present()) {
        return null;
      }
      Optional<String> file = files.resolve(path);
      if (file.isEmpty()) {
        return notFound;
      }
      request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, file.get());
      return file.get().startsWith(IMMUTABLE_PREFIX) ? immutable : revalidated;
    }

    FrontendFiles files() {
      return files;
    }
  }

  /** The export's 404 page, with status 404. */
  static final class NotFoundPage implements HttpRequestHandler {

    private final FrontendFiles files;

    NotFoundPage(FrontendFiles files) {
      this.files = files;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
      Optional<Resource> page = files.resource(FrontendFiles.NOT_FOUND_PAGE);
      if (page.isEmpty()) {
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getWriter().write("Not found");
        return;
      }
      response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
      if ("HEAD".equals(request.getMethod())) {
        return;
      }
      try (InputStream in = page.get().getInputStream()) {
        byte[] body = in.readAllBytes();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
    }
  }
}
