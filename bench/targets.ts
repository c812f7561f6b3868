/** The goals the report checks; a miss is printed as FAIL, never turned into an exit code. */
export const TARGETS = {
  /** Assay's p50 overhead at most this many times the baseline's. */
  maxOverheadRatio: 0.6,
  /** Assay's throughput at least this share of the baseline's. */
  minThroughputRatio: 0.9,
  /** The CPU loop's run time under full load within this many % of idle. */
  maxFairnessVariationPct: 15,
} as const;

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
