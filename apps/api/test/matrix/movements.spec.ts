import { describeMatrix } from '../support/matrix';
import { MOVEMENT_ROWS } from '../support/matrix-rows/movements';
import { createTestApp, type TestApp } from '../support/test-app';

describe('movements authorization', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  describeMatrix('zones, checkpoints, declarations, passages, arrivals', MOVEMENT_ROWS, () => t);
});
