package com.tradingbacktest.app.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Posts a multipart form with one file, as a browser's upload would. */
public final class Multipart {

  private Multipart() {}

  public static Api.Response upload(
      int port,
      JsonMapper json,
      String bearer,
      String fileName,
      String content,
      Map<String, String> fields) {
    return upload(port, json, bearer, fileName, content.getBytes(StandardCharsets.UTF_8), fields);
  }

  /** The same with the file's exact bytes (compressed, UTF-16, binary...). */
  public static Api.Response upload(
      int port,
      JsonMapper json,
      String bearer,
      String fileName,
      byte[] content,
      Map<String, String> fields) {
    return uploadTo(port, "/api/v1/data/import", json, bearer, fileName, content, fields);
  }

  /** An upload to another endpoint than the bar import (funding rates). */
  public static Api.Response uploadTo(
      int port,
      String path,
      JsonMapper json,
      String bearer,
      String fileName,
      byte[] content,
      Map<String, String> fields,
      String... headers) {
    String boundary = "----tb" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            write(
                body,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n"));
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Response(
          response.statusCode(), response.headers().map(), response.body(), json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
