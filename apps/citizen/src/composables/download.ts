/** A file name from a document number: "12/QĐ-UBND" -> "12-QD-UBND.pdf". */
export function pdfName(numberText: string | null | undefined, fallback: string): string {
  const base = (numberText ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || fallback}.pdf`;
}
