package org.tariffscope.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished response: status, content type, body and extra headers. Handlers compute a reply
 * away from the request thread; the reply is written once, so a request that timed out cannot be
 * written to again by its late handler. Immutable.
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";
  static final String CSV = "text/csv; charset=utf-8";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, Object value) {
    return new Reply(status, JSON, Json.bytes(value), Map.of());
  }

  static Reply json(Object value) {
    return json(200, value);
  }

  static Reply html(int status, String html) {
    return new Reply(status, HTML, html.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Reply text(int status, String contentType, String text) {
    return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, contentType, body, h);
  }

  void writeTo(Context ctx) {
    ctx.status(status);
    headers.forEach(ctx::header);
    ctx.contentType(contentType);
    ctx.result(body);
  }
}
