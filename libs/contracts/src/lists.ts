/**
 * Long lists (cases, arrivals) count their matches up to this many, so that a count never reads a whole
 * province: `total` is exact when at most LIST_TOTAL_CAP rows match; when more match, `total` is
 * LIST_TOTAL_CAP and `totalCapped` is true (show it as "more than 1,000", e.g. "1,000+").
 */
export const LIST_TOTAL_CAP = 1_000;
