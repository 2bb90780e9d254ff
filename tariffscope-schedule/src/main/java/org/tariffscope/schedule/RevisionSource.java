package org.tariffscope.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tariffscope.data.EmbeddedData;

/** Where a revision's JSON export lives: shipped in the jar, or imported into the user's data folder. */
public sealed interface RevisionSource {

  /** Opens the export (gzip-compressed when the name ends in {@code .gz}). */
  InputStream open() throws IOException;

  /** File name, to decide on decompression and for messages. */
  String name();

  boolean imported();

  /** A revision shipped in {@code data/hts/}. */
  record Embedded(String file) implements RevisionSource {
    @Override
    public InputStream open() {
      return EmbeddedData.open("data/hts/" + file);
    }

    @Override
    public String name() {
      return file;
    }

    @Override
    public boolean imported() {
      return false;
    }
  }

  /** A revision added with {@code tariffscope hts import}. */
  record ImportedFile(Path path) implements RevisionSource {
    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(path);
    }

    @Override
    public String name() {
      return path.getFileName().toString();
    }

    @Override
    public boolean imported() {
      return true;
    }
  }
}
