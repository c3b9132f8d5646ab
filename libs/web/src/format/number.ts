/**
 * A list's total as shown: grouped digits (vi-VN), and a "+" when the count stopped at its cap (the long lists
 * count up to LIST_TOTAL_CAP: `totalCapped` says more match), e.g. "1.000+".
 */
export function formatTotal(total: number, capped = false): string {
  return `${total.toLocaleString('vi-VN')}${capped ? '+' : ''}`;
}
