// The article text as paragraphs of sentence spans. Each sentence has id "s<start>" (its UTF-16
// offset in article.text), so key points, figures, quotes and answers link to it (#s123) and the
// CSS :target rule highlights it without JavaScript; answer sentences carry class "hl".
import { type Sentence, sentenceAt, splitSentences } from '../pipeline/enrich/sentences.js';

export interface TextModel {
  text: string;
  sentences: readonly Sentence[];
}

export function textModel(text: string): TextModel {
  return { text, sentences: splitSentences(text) };
}

/** The id of the sentence holding offset `pos`, or null when no sentence holds it. */
export function sentenceId(model: TextModel, pos: number): string | null {
  const i = sentenceAt(model.sentences, pos);
  return i >= 0 && model.sentences[i] ? `s${model.sentences[i].start}` : null;
}

export function TextBody({ model, highlight }: { model: TextModel; highlight: Set<number> }) {
  const paragraphs: Sentence[][] = [];
  for (const s of model.sentences) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && last[0].paragraph === s.paragraph) last.push(s);
    else paragraphs.push([s]);
  }
  return (
    <>
      {paragraphs.map((sentences) => (
        <p>
          {sentences.map((s, i) => (
            <>
              {i > 0 ? ' ' : ''}
              <span id={`s${s.start}`} class={highlight.has(s.start) ? 's hl' : 's'}>
                {model.text.slice(s.start, s.end)}
              </span>
            </>
          ))}
        </p>
      ))}
    </>
  );
}
