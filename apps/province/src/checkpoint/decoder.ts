/**
 * jsQR (the QR decoder where the browser has no BarcodeDetector) is a lazy chunk of ~50 KB gzipped.
 * The scan screens fetch it as soon as they open, so a connection lost later does not leave the camera
 * without a decoder.
 */
let loading: Promise<typeof import('jsqr')> | null = null;

export function loadJsqr(): Promise<typeof import('jsqr')> {
  loading ??= import('jsqr').catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** Fetches the decoder in the background where it will be needed. */
export function preloadQrDecoder(): void {
  if (typeof globalThis !== 'undefined' && 'BarcodeDetector' in globalThis) return;
  loadJsqr().catch(() => undefined);
}
