package org.tariffscope.engine;

/**
 * Which dates of the measures a computation follows. The law sometimes changed retroactively
 * (the Japan floor, printed in September 2025 but applying from August 7), and the schedule
 * sometimes printed a heading before it took effect.
 */
public enum LawView {
  /** What the law now says applied that day (legal effective dates). The default. */
  LAW,
  /** What the schedule printed that day (publication dates where they differ). */
  AS_PUBLISHED
}
