/**
 * A PDF file of the given objects (object 1 is the catalog), with its cross-reference table and trailer: the
 * one-page labels the ComToHome and Sürat emulators send. Object bodies and `header` are latin1 text.
 */
export function pdfFile(objects: readonly string[], header = '%PDF-1.4\n'): Buffer {
  let pdf = header
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(pdf, 'latin1')
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, flag, CR LF.
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}
