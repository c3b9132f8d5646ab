/** Binary answers (CSV exports) come from `api.getBlob()`; this hands them to the browser. */

/** Saves a blob as a file (an <a download> click). TODO(lead): the commune and province apps both have this file. */
export function saveBlob(blob: Blob, filename: string): void {
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
