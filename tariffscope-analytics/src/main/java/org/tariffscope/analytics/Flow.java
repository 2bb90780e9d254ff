package org.tariffscope.analytics;

/**
 * One import flow of 2024, the weight of a product x origin in effective rates. Immutable.
 *
 * @param hts10 the HTS-10 code as digits
 * @param countryIndex the origin's index in the country registry
 * @param value customs value, dollars
 * @param calculatedDuty duty Census calculated on it, dollars (for {@code hs2} flows the partner's chapter duty spread
 *     in proportion to value: only its sum over a partner's chapter is meaningful)
 * @param usmcaShare share of the value entered claiming USMCA (Canada and Mexico; 0 elsewhere)
 * @param source how the flow was measured: {@code hs10} (Census HTS-10 x partner), {@code eu} (the EU
 *     aggregate apportioned to members by their HS-2 shares), {@code hs2} (a partner's HS-2 value
 *     apportioned to HTS-10 lines by all partners' mix within the chapter)
 */
public record Flow(String hts10, int countryIndex, double value, double calculatedDuty, double usmcaShare, String source) {
}
