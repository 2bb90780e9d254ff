package org.tariffscope.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.tariffscope.basics.InvalidInputException;

/** Writes a chart to a PNG or SVG file, chosen by its name: whole or not at all. Every chart of the project goes through here. */
public final class ChartFile {
  private ChartFile() {
  }

  /** Checks, before any work, that {@code out} names a .png or .svg file in a writable folder. */
  public static void checkPath(Path out) {
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new InvalidInputException("A chart is a .png or .svg file: " + out);
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new InvalidInputException("Cannot write " + out + ": folder " + dir + " does not exist or is not writable");
    }
  }

  /** Draws {@code chart} at {@code width} x {@code height} into {@code out}, through a partial file moved into place. */
  public static void write(JFreeChart chart, Path out, int width, int height) {
    checkPath(out);
    Path target = out.toAbsolutePath();
    boolean png = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    try {
      // Not Files.createTempFile: its owner-only permissions would stay on the finished chart.
      Path tmp = target.getParent().resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
      try {
        if (png) {
          ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height);
        } else {
          SVGGraphics2D g = new SVGGraphics2D(width, height);
          chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
          Files.writeString(tmp, g.getSVGDocument(), StandardCharsets.UTF_8);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the chart " + out, e);
    }
  }
}
