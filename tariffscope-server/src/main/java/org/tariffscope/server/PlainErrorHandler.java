package org.tariffscope.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before the application sees them (a malformed or ambiguous
 * URI, oversized headers): the API's error shape under {@code /api}, a line of text elsewhere, never
 * Jetty's HTML page, never a stack trace, never the request echoed back.
 */
final class PlainErrorHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {

  PlainErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String path = request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
    String text = code == 400 ? "Bad request: the address could not be read"
        : code == 414 || code == 431 ? "The request is too large" : "The request could not be served (HTTP " + code + ")";
    String body;
    String type;
    if (path.startsWith("/api")) {
      body = "{\"error\":{\"code\":\"HTTP_" + code + "\",\"message\":\"" + text + "\"}}";
      type = Reply.JSON;
    } else {
      body = text + "\n";
      type = "text/plain; charset=utf-8";
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Content-Security-Policy", TariffscopeServer.CONTENT_SECURITY_POLICY);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
