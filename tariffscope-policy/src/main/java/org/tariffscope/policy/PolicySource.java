package org.tariffscope.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tariffscope.data.EmbeddedData;

/**
 * Where policy files are read from: the book shipped in the jar, or a folder (a checkout's
 * {@code policy/}, or a reviewer's edited copy). File names are given relative to the folder's
 * parent, e.g. {@code policy/section-232/autos.yaml}.
 */
public interface PolicySource {

  /** Every file of the book, sorted. */
  List<String> files();

  InputStream open(String file) throws IOException;

  /** A human description, e.g. "the embedded policy book" or a folder path. */
  String describe();

  /** The policy book shipped with Tariffscope. */
  static PolicySource embedded() {
    return new PolicySource() {
      @Override
      public List<String> files() {
        return EmbeddedData.list("policy");
      }

      @Override
      public InputStream open(String file) {
        return EmbeddedData.open(file);
      }

      @Override
      public String describe() {
        return "the embedded policy book";
      }
    };
  }

  /** The files of a folder laid out like the repository's {@code policy/}. */
  static PolicySource directory(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    return new PolicySource() {
      @Override
      public List<String> files() {
        try (Stream<Path> walk = Files.walk(root)) {
          return walk.filter(Files::isRegularFile)
              .map(p -> "policy/" + root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list policy folder " + root, e);
        }
      }

      @Override
      public InputStream open(String file) throws IOException {
        return Files.newInputStream(root.resolve(file.substring("policy/".length())));
      }

      @Override
      public String describe() {
        return root.toString();
      }
    };
  }
}
