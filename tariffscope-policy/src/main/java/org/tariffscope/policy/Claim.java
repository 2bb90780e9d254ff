package org.tariffscope.policy;

import java.util.Objects;

/**
 * A declaration an importer makes at entry that some measures depend on, beyond product, origin
 * and value: that the goods are civil aircraft articles, that auto parts are for U.S. production.
 * A measure lists the claims it needs in {@code when: {claims: [...]}}; an entry makes them with
 * {@code --claim}. Without the claim the measure does not apply, so lines of mixed use are priced as
 * the common case. Immutable.
 *
 * @param id e.g. {@code civil_aircraft}
 * @param title one line for people
 * @param description what the importer certifies, and where the law says so
 */
public record Claim(String id, String title, String description) {
  public Claim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
  }
}
