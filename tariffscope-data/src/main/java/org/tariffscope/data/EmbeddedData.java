package org.tariffscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The data shipped with Tariffscope (the repository's {@code data/}, {@code policy/} and
 * {@code scenarios/} folders), read from the classpath so that a shaded jar runs anywhere.
 *
 * <p>Paths are relative to the repository root, e.g. {@code data/hts/revisions.csv} or
 * {@code policy/section-232/autos.yaml}. Thread-safe; holds no state.
 */
public final class EmbeddedData {
  private static final String ROOT = "tariffscope/";

  private EmbeddedData() {
  }

  /** Whether the embedded data has a file at {@code path}. */
  public static boolean exists(String path) {
    return resource(path) != null;
  }

  /**
   * Opens an embedded file.
   *
   * @throws UncheckedIOException when it does not exist (a packaging error, not a user error)
   */
  public static InputStream open(String path) {
    InputStream in = EmbeddedData.class.getClassLoader().getResourceAsStream(ROOT + path);
    if (in == null) {
      throw new UncheckedIOException(new IOException("Embedded data file missing: " + path
          + " (was the tariffscope-data module built?)"));
    }
    return in;
  }

  /**
   * The files below an embedded folder, recursively, as paths relative to the repository root,
   * sorted. Works whether the data is a folder on disk (tests, IDE) or inside a jar.
   */
  public static List<String> list(String folder) {
    String dir = folder.endsWith("/") ? folder : folder + "/";
    URL url = resource(dir);
    if (url == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try {
      if ("file".equals(url.getProtocol())) {
        Path base = Path.of(url.toURI());
        try (Stream<Path> walk = Files.walk(base)) {
          walk.filter(Files::isRegularFile)
              .forEach(p -> out.add(dir + base.relativize(p).toString().replace('\\', '/')));
        }
      } else if ("jar".equals(url.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          String prefix = ROOT + dir;
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
              out.add(entry.getName().substring(ROOT.length()));
            }
          }
        }
      } else {
        throw new IOException("Cannot list embedded data at " + url);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    out.sort(null);
    return out;
  }

  private static URL resource(String path) {
    return EmbeddedData.class.getClassLoader().getResource(ROOT + path);
  }
}
