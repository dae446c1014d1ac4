/** Edit distance, for "did you mean" hints on ids and field names. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({length: b.length + 1}, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidate closest to `wanted`, when it is close enough to be a plausible typo. */
export function nearest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = wanted.toLowerCase();
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const distance =
      candidateLower === lower
        ? 0
        : candidateLower.includes(lower) || lower.includes(candidateLower)
          ? 1
          : editDistance(wanted, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(wanted.length, best.length) / 2));
  return bestDistance <= limit ? best : undefined;
}

export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const hint = nearest(wanted, candidates);
  return hint === undefined ? '' : ` (did you mean "${hint}"?)`;
}
