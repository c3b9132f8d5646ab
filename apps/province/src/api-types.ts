/** GET /cases/daily (docs/cases-api.md): one day of one district. TODO(lead): move to libs/web/src/api/cases-types.ts. */
export interface DailyCount {
  date: string;
  districtCode: string;
  districtName: string;
  newCases: number;
  recoveries: number;
  active: number;
}
