package org.tariffscope.policy;

/**
 * Where something was read from: a file (relative to the policy folder) and a 1-based line.
 *
 * @param file e.g. {@code policy/section-232/autos.yaml}
 * @param line line number, or 0 when unknown
 */
public record SourceLocation(String file, int line) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
