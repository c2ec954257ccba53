// Times compromise (people, places, organisations, numbers, quotations and
// sentences) on a text file, paragraph by paragraph.
// Usage: node compromise_bench.mjs FILE
// Prints one JSON line: {"peer", "tokens", "seconds", "entities", "sentences"}.
import { readFileSync } from "node:fs";
import nlp from "compromise";

const text = readFileSync(process.argv[2], "utf8");
const paragraphs = text.split("\n\n").filter((p) => p.trim());

function annotate(paragraph) {
  const doc = nlp(paragraph);
  const found =
    doc.people().out("array").length +
    doc.places().out("array").length +
    doc.organizations().out("array").length +
    doc.numbers().out("array").length +
    doc.quotations().out("array").length;
  return { found, sentences: doc.sentences().length, tokens: doc.wordCount() };
}

paragraphs.slice(0, 20).forEach(annotate); // warm up
const start = process.hrtime.bigint();
let tokens = 0, entities = 0, sentences = 0;
for (const p of paragraphs) {
  const r = annotate(p);
  tokens += r.tokens;
  entities += r.found;
  sentences += r.sentences;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ peer: `compromise ${nlp.version}`, tokens, seconds, entities, sentences }));
