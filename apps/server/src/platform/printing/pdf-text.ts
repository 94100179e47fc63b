// Test helper: imports the devDependency pdfjs-dist, so only tests may import this file.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Extracts the text of each page of a PDF, lines separated by '\n'. */
export async function pdfPages(buf: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      let lastEnd: number | undefined;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const x = item.transform[4] as number;
        const y = item.transform[5] as number;
        if (lastY !== undefined && Math.abs(y - lastY) > 1) text += '\n';
        else if (lastEnd !== undefined && x - lastEnd > 1) text += ' ';
        text += item.str;
        lastY = y;
        lastEnd = x + item.width;
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** Extracts all text of a PDF, pages separated by a form feed. */
export async function pdfText(buf: Buffer): Promise<string> {
  return (await pdfPages(buf)).join('\f');
}
