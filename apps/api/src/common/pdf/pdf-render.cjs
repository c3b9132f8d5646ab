'use strict';
/**
 * The pdfmake renderer behind PdfService: a document definition in, the PDF's bytes out. Plain CommonJS so the very
 * same file runs in PdfService's worker threads from the built dist/ (tsc copies it, allowJs) and under Jest (which
 * transforms only the test's own modules, never a worker's), and on the event loop when PDF_WORKERS=0.
 *
 * Definitions reach a worker by structured clone: no functions in them. A table layout is named (TABLE_LAYOUTS).
 */
const { readFileSync } = require('node:fs');
const { basename } = require('node:path');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');
// pdfmake exports a class instance (one per thread): fonts, layouts and policies are set on it once.
const pdfmake = require('pdfmake');
const PDFDocument = require('pdfmake/js/PDFDocument').default;

/** Table layouts the definitions refer to by name. */
const TABLE_LAYOUTS = {
  /** No borders, no padding: the header and signature tables of official documents. */
  flush: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
};

/**
 * pdfkit opens every font anew for each document: a fresh fontkit font (its own glyphs, layout engine and subset, so
 * a document's bytes never depend on the documents rendered before it) that decodes the font's tables lazily, GSUB
 * and GPOS above all, and caches them on itself. Decoding them again for every document was about 70% of a render.
 * Here the decoded tables of a font file are kept from its first document and handed to the fonts of the next ones,
 * as fontkit itself shares them between the variations of one font (TTFFont#getVariation). Only fonts opened from
 * the same bytes object (the virtual file system below) share tables; decoded tables are read, never written.
 */
const decodedTables = new WeakMap();
function shareDecodedFontTables() {
  const provideFont = PDFDocument.prototype.provideFont;
  if (provideFont.sharesDecodedTables) return;
  function provideFontSharingTables(familyName, bold, italics) {
    const type = this.getFontType(bold, italics);
    const opened = Boolean(this.fontCache[familyName] && this.fontCache[familyName][type]);
    const font = provideFont.call(this, familyName, bold, italics);
    const fontkitFont = font && font.font;
    const bytes = fontkitFont && fontkitFont.stream && fontkitFont.stream.buffer;
    if (!opened && bytes && typeof bytes === 'object' && fontkitFont._tables) {
      const tables = decodedTables.get(bytes);
      if (tables) fontkitFont._tables = tables;
      else decodedTables.set(bytes, fontkitFont._tables);
    }
    return font;
  }
  provideFontSharingTables.sharesDecodedTables = true;
  PDFDocument.prototype.provideFont = provideFontSharingTables;
}

let configuredWith;
/**
 * Sets up this thread's pdfmake once: the font files read once into pdfmake's virtual file system, the named table
 * layouts, no network and no file access while rendering. `fonts`: { family: { normal, bold, italics, bolditalics } }
 * as file paths.
 */
function configure(fonts) {
  const key = JSON.stringify(fonts);
  if (configuredWith !== undefined) {
    if (configuredWith !== key) throw new Error('The PDF renderer of this thread is already set up with other fonts');
    return;
  }
  const families = {};
  for (const [family, styles] of Object.entries(fonts)) {
    families[family] = {};
    for (const [style, path] of Object.entries(styles)) {
      const name = `fonts/${basename(path)}`;
      if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, readFileSync(path));
      families[family][style] = name;
    }
  }
  pdfmake.setFonts(families);
  pdfmake.setTableLayouts(TABLE_LAYOUTS);
  // Documents never load anything from the network or the disk (the fonts are in memory).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  shareDecodedFontTables();
  configuredWith = key;
}

/** A function rendering a definition to the PDF's bytes on the current thread. */
function createRenderer(fonts) {
  configure(fonts);
  return (definition) => pdfmake.createPdf(definition).getBuffer();
}

// As a worker of PdfService: one definition per message, answered with the bytes (transferred) or the error.
if (!isMainThread && workerData && workerData.pdfRenderer === true) {
  const render = createRenderer(workerData.fonts);
  parentPort.on('message', (definition) => {
    Promise.resolve()
      .then(() => render(definition))
      .then(
        (buffer) => {
          const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
          const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
          parentPort.postMessage({ bytes }, whole ? [buffer.buffer] : []);
        },
        (err) => parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) }),
      );
  });
}

module.exports = { createRenderer, TABLE_LAYOUTS };
