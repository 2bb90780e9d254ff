package org.tariffscope.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tariffscope.basics.Percent;

/**
 * Conditions on the entry under which a measure applies; absent fields do not constrain. Immutable.
 *
 * @param usmcaClaimed whether the entry must (true) or must not (false) claim USMCA preference
 * @param mfnBelow the column-1 rate (ad valorem or its equivalent) must be below this
 * @param mfnAtLeast the column-1 rate must be at least this
 * @param usContentAtLeast the declared U.S. content must be at least this share of value
 * @param claims claims the entry must make (ids of {@link Claim}s), all of them
 */
public record Conditions(Boolean usmcaClaimed, Percent mfnBelow, Percent mfnAtLeast, Percent usContentAtLeast,
    List<String> claims) {
  public static final Conditions NONE = new Conditions(null, null, null, null, List.of());

  public Conditions {
    claims = claims == null ? List.of() : List.copyOf(claims);
  }

  public boolean isEmpty() {
    return usmcaClaimed == null && mfnBelow == null && mfnAtLeast == null && usContentAtLeast == null
        && claims.isEmpty();
  }

  public Optional<Boolean> usmca() {
    return Optional.ofNullable(usmcaClaimed);
  }

  /** "USMCA not claimed; MFN below 15%". */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (usmcaClaimed != null) {
      parts.add(usmcaClaimed ? "USMCA claimed" : "USMCA not claimed");
    }
    if (mfnBelow != null) {
      parts.add("MFN below " + mfnBelow);
    }
    if (mfnAtLeast != null) {
      parts.add("MFN at least " + mfnAtLeast);
    }
    if (usContentAtLeast != null) {
      parts.add("U.S. content at least " + usContentAtLeast);
    }
    if (!claims.isEmpty()) {
      parts.add("claimed: " + String.join(", ", claims));
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }
}
