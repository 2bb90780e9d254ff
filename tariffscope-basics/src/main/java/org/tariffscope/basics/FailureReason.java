package org.tariffscope.basics;

/** Why a computation could not give an answer. A small, fixed set: adapters map each to a status. */
public enum FailureReason {
  /** The input is malformed or out of range (a negative value, a bad date). */
  INVALID_INPUT,
  /** The HTS code is well formed but not in the schedule in force. */
  UNKNOWN_HTS,
  /** The code is a heading or subheading; a duty needs a tariff or statistical line. */
  NOT_A_LINE,
  /** The country is unknown or ambiguous. */
  UNKNOWN_COUNTRY,
  /** The date is outside the period the data covers. */
  DATE_OUT_OF_RANGE,
  /** Nothing in force gives a rate (an unreadable rate text). */
  NO_RATE_IN_FORCE
}
