package org.tariffscope.basics;

import java.util.Map;

/**
 * An immutable map from HTS digit strings (1 to 18 digits) to values, for the engine's hot lookups:
 * the line of a code in a revision, the measures naming a prefix. A code is packed into one
 * {@code long} ({@link #key}) and the table is open-addressed over a {@code long[]}, so a lookup
 * touches one or two cache lines and allocates nothing, where a {@code HashMap<String, V>} or
 * {@code HashMap<Long, V>} follows three or four pointers. On a million entries drawn over 44
 * revisions those pointers miss the processor caches nearly every time (docs/benchmarks.md).
 *
 * <p>A general primitive-collections library (fastutil, Eclipse Collections) would do the same; one
 * read-only map of this shape is smaller than the dependency.
 *
 * @param <V> the values
 */
public final class CodeTable<V> {
  private static final long EMPTY = 0; // no key is 0: every key carries its length (at least 1)

  private final long[] keys;
  private final Object[] values;
  private final int mask;
  private final int size;

  private CodeTable(long[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.mask = keys.length - 1;
    this.size = size;
  }

  /**
   * The key of a digit string: its value times 32 plus its length, so {@code 0101} and {@code 101}
   * differ. Digits only, 1 to 18 of them.
   */
  public static long key(CharSequence digits) {
    int n = digits.length();
    if (n < 1 || n > 18) {
      throw new IllegalArgumentException("Not 1 to 18 digits: " + digits);
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("Not digits: " + digits);
      }
      value = value * 10 + (c - '0');
    }
    return key(value, n);
  }

  /** The key of the first {@code length} digits read as {@code value} (for walking prefixes). */
  public static long key(long value, int length) {
    return value * 32 + length;
  }

  /** A table of the entries of {@code map}, keyed by digit strings. */
  public static <V> CodeTable<V> of(Map<String, ? extends V> map) {
    int capacity = Integer.highestOneBit(Math.max(4, map.size() * 2 - 1)) << 1;
    long[] keys = new long[capacity];
    Object[] values = new Object[capacity];
    CodeTable<V> table = new CodeTable<>(keys, values, map.size());
    map.forEach((digits, value) -> table.put(key(digits), value));
    return table;
  }

  private void put(long key, Object value) {
    int i = slot(key);
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        throw new IllegalArgumentException("Duplicate key " + key);
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads consecutive codes
    return (int) (h >>> 32) & mask;
  }

  /** The value of a key made by {@link #key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int i = slot(key);
    long k;
    while ((k = keys[i]) != EMPTY) {
      if (k == key) {
        return (V) values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** The value of a digit string, or null (also for a string that is not 1 to 18 digits). */
  public V get(String digits) {
    int n = digits.length();
    if (n < 1 || n > 18) {
      return null;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return get(key(value, n));
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }
}
