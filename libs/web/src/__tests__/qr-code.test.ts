import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import QrCode, { qrPath, type QrEncoder } from '../components/QrCode.vue';

/** A stand-in for uqr's `encode`: a fixed 3 x 3 matrix. */
const encode = vi.fn<QrEncoder>(() => ({
  size: 3,
  data: [
    [true, true, false],
    [false, true, false],
    [true, false, true],
  ],
}));

describe('QrCode', () => {
  it('draws the dark modules as one path, runs of a row merged, inside a 4-module quiet zone', () => {
    expect(qrPath(encode('x'), 4)).toBe('M4 4h2v1h-2zM5 5h1v1h-1zM4 6h1v1h-1zM6 6h1v1h-1z');
  });

  it('is an image named by its label, encoding only the given value with error correction M and no border of its own', () => {
    const w = mount(QrCode, { props: { value: 'qt_token', label: 'Mã QR của tờ khai K7M2 QX9P', encode } });
    const svg = w.get('svg');
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('viewBox')).toBe('0 0 11 11');
    const titleId = svg.attributes('aria-labelledby');
    expect(w.get(`title#${titleId}`).text()).toBe('Mã QR của tờ khai K7M2 QX9P');
    expect(encode).toHaveBeenLastCalledWith('qt_token', { ecc: 'M', border: 0 });
    expect(w.get('path').attributes('d')).toContain('M4 4h2');
  });
});
