package org.tariffscope.analytics;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A growable buffer of ASCII text for the panel's row files: integers and rates are written as bytes
 * directly, without the {@code String} and charset-encoder steps of a {@code Writer}, since formatting
 * 10 million rows was a fifth of the time of the engine phase (docs/benchmarks.md).
 */
final class RowText {
  private byte[] bytes;
  private int size;

  RowText(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private void room(int n) {
    if (size + n > bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
  }

  RowText character(char c) {
    room(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /** Text known to be ASCII (product codes). */
  RowText ascii(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
    return this;
  }

  RowText integer(int v) {
    if (v < 0) {
      if (v == Integer.MIN_VALUE) {
        return ascii(Integer.toString(v));
      }
      character('-');
      v = -v;
    }
    int digits = 1;
    for (int p = 10; digits < 10 && v >= p; p *= 10) {
      digits++;
    }
    room(digits);
    for (int i = size + digits - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size += digits;
    return this;
  }

  /**
   * A rate, so that DuckDB reads back the same float. Most rates have at most four decimals (25, 2.5,
   * 0.6875): those are written from integers, since Java's shortest float-to-text conversion was a
   * quarter of the time of the engine phase. {@code k / 10000f} is the float nearest k/10000, which is
   * also what parsing the decimal text gives, so the check below guarantees the round trip; any other
   * value is written in full.
   */
  RowText rate(float v) {
    if (v == (int) v) {
      return integer((int) v);
    }
    if (Math.abs(v) < 1_000f) { // k stays below 2^24, so k and k / 10000f are exact and correctly rounded
      int k = Math.round(v * 10_000f);
      if (k % 10_000 != 0 && k / 10_000f == v) {
        if (k < 0) {
          character('-');
          k = -k;
        }
        integer(k / 10_000).character('.');
        int frac = k % 10_000;
        // four decimals with leading zeros, trailing zeros dropped
        int digits = 4;
        while (frac % 10 == 0) {
          frac /= 10;
          digits--;
        }
        for (int d = digits - 1; d > 0 && frac < pow10(d); d--) {
          character('0');
        }
        return integer(frac);
      }
    }
    return ascii(Float.toString(v));
  }

  private static int pow10(int d) {
    return d == 1 ? 10 : d == 2 ? 100 : 1000;
  }
}
