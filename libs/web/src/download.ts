/** Binary answers (photos, PDFs, CSV) come from `api.getBlob()`; these helpers hand them to the browser. */

/** Saves a blob as a file (an <a download> click). Does nothing where there are no object URLs. */
export function saveBlob(blob: Blob, filename: string): void {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/**
 * Opens a PDF in a new tab. The tab is opened at once (inside the click, so no popup blocker)
 * and pointed at the blob when it arrives; without a tab the file is downloaded instead.
 */
export async function openPdf(load: () => Promise<Blob>, filename: string): Promise<void> {
  const win = typeof window.open === 'function' ? window.open('', '_blank') : null;
  try {
    const blob = await load();
    const pdf = blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' });
    if (win) {
      const url = URL.createObjectURL(pdf);
      win.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
    } else {
      saveBlob(pdf, filename);
    }
  } catch (e) {
    win?.close();
    throw e;
  }
}
