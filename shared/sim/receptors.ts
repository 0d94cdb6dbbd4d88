// The IL-2 receptor on one cell: how many of its CD122·CD132 chains are paired with CD25 (high-affinity sites), and
// how many IL-2 molecules its receptors hold at a concentration. Sites and pM. Called by uptake, signalling and the microscope.

/**
 * High-affinity sites of a cell with `cd25` CD25 and `cd122` CD122 chains: CD25 and CD122·CD132 pair at equilibrium with
 * dissociation constant `pairingSites` (in sites), so the pairs never outnumber either chain (at most the fewer of the two).
 */
export function pairedSites(cd25: number, cd122: number, pairingSites: number): number {
  if (cd25 <= 0 || cd122 <= 0) return 0;
  const s = cd25 + cd122 + pairingSites;
  // the smaller root of x² − s·x + cd25·cd122 = 0, written so that it does not lose precision when x is small
  return (2 * cd25 * cd122) / (s + Math.sqrt(s * s - 4 * cd25 * cd122));
}
