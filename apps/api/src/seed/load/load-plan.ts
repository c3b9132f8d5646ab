/** How much `pnpm seed:load` writes at each scale (DESIGN: ten times Tuyen Quang's peak, and the country). */
export interface LoadPlan {
  scale: 'province' | 'national';
  /** Provinces whose communes are destinations and home to the citizens ('*': every province). */
  provinces: string[] | '*';
  days: number;
  citizens: number;
  declarations: number;
  /** Passages per declaration at a checkpoint: in, and (province scale) out again. */
  passagesPerDeclaration: 1 | 2;
  infectionReports: number;
  /** Share of infection reports accepted into cases (the rest rejected or waiting). */
  acceptedShare: number;
  recoveryReports: number;
  checkpointsPerProvince: number;
  /** Free disk (bytes) needed before starting. */
  diskBytes: number;
}

export const LOAD_PLANS: Record<LoadPlan['scale'], LoadPlan> = {
  // 30 days of a hard wave in Tuyen Quang: ~1M declarations, ~2M passages, ~120k reports, ~100k cases.
  province: {
    scale: 'province',
    provinces: ['08'],
    days: 30,
    citizens: 110_000,
    declarations: 1_000_000,
    passagesPerDeclaration: 2,
    infectionReports: 108_000,
    acceptedShare: 0.93,
    recoveryReports: 12_000,
    checkpointsPerProvince: 8,
    diskBytes: 6 * 1024 ** 3,
  },
  // Every commune of the country: ~10M declarations and passages, ~1.2M reports, ~1M cases.
  national: {
    scale: 'national',
    provinces: '*',
    days: 30,
    citizens: 1_100_000,
    declarations: 10_000_000,
    passagesPerDeclaration: 1,
    infectionReports: 1_080_000,
    acceptedShare: 0.93,
    recoveryReports: 120_000,
    checkpointsPerProvince: 3,
    diskBytes: 40 * 1024 ** 3,
  },
};

/** The same plan with its row counts multiplied by `fraction`. */
export function scaledPlan(plan: LoadPlan, fraction: number): LoadPlan {
  const n = (x: number) => Math.max(1, Math.round(x * fraction));
  return { ...plan, citizens: n(plan.citizens), declarations: n(plan.declarations), infectionReports: n(plan.infectionReports), recoveryReports: n(plan.recoveryReports), diskBytes: plan.diskBytes * fraction };
}
