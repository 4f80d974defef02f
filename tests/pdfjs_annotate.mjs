// Annotating a PDF as Firefox's PDF editor does: pdf.js (the viewer Firefox ships) saves the
// annotations its editor makes (highlights, text boxes, drawings) into the document, here run by
// Node without a window. Run by tests/test_pdf_comments.py:
//
//     node tests/pdfjs_annotate.mjs PDFJS_BUILD IN.pdf OUT.pdf ANNOTATIONS.json
//
// PDFJS_BUILD is the folder of pdfjs-dist's legacy build; ANNOTATIONS is a list of pdf.js editors'
// serialized annotations (what the viewer keeps in its annotation storage before saving).
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [build, input, output, annotations] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(`${build}/pdf.mjs`).href);
await import(pathToFileURL(`${build}/pdf.worker.mjs`).href); // the worker's code in this thread
const fonts = `${build}/../../standard_fonts/`; // the fonts of text boxes, as Firefox has them
const document = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(input)), isEvalSupported: false, standardFontDataUrl: fonts,
}).promise;
JSON.parse(readFileSync(annotations, "utf8")).forEach((annotation, index) => {
  document.annotationStorage.setValue(`pdfjs_internal_editor_${index}`, annotation);
});
writeFileSync(output, await document.saveDocument());
await document.destroy();
