// The numbers board: figures that different sources give for the same thing, side by side with
// who claims each, and a mark where they cannot all be true (ranges that do not overlap).
import type { Article, Figure } from '../../domain/types.js';
import { STOPWORDS, stem, words } from './text.js';

export interface BoardFigure {
  text: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  claimant: string | null;
  articleId: string;
  sourceId: string | null;
  /** true when this figure's range overlaps no figure of another source in the row */
  disputed: boolean;
}

export interface BoardRow {
  /** what is counted ("troops"), as the first source wrote it */
  counts: string;
  unit: string | null;
  figures: BoardFigure[];
  /** some two figures from different sources have ranges that do not overlap */
  disagreement: boolean;
}

/** Content words of a `counts` phrase, stemmed: "Russian troops" -> {russian, troop}. */
function countsKey(counts: string): string[] {
  return words(counts)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** Same thing counted: same head noun (last word), or most words shared. */
function sameThing(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a[a.length - 1] === b[b.length - 1]) return true;
  const shared = a.filter((w) => b.includes(w)).length;
  return shared / Math.min(a.length, b.length) >= 0.5;
}

function sameUnit(a: string | null, b: string | null): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

function range(f: { value: number; valueMax: number | null }): [number, number] {
  const hi = f.valueMax ?? f.value;
  return f.value <= hi ? [f.value, hi] : [hi, f.value];
}

/** Ranges overlap, with a little slack for rounding ("about 25,000" vs "24,800"). */
function overlaps(a: [number, number], b: [number, number]): boolean {
  const slack = 0.02 * Math.max(Math.abs(a[1]), Math.abs(b[1]));
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

/**
 * Builds the board from a story's articles. A row needs figures from at least two sources
 * (one source's figure alone compares with nothing).
 */
export function numbersBoard(articles: Article[]): BoardRow[] {
  const groups: Array<{ key: string[]; row: BoardRow }> = [];
  for (const article of articles) {
    for (const figure of article.enrichment?.figures ?? []) {
      if (figure.value === null || !figure.counts) continue;
      const key = countsKey(figure.counts);
      if (key.length === 0) continue;
      let group = groups.find((g) => sameUnit(g.row.unit, figure.unit) && sameThing(g.key, key));
      if (!group) {
        group = { key, row: { counts: figure.counts, unit: figure.unit, figures: [], disagreement: false } };
        groups.push(group);
      }
      if (!group.row.figures.some((f) => f.articleId === article.id && f.text === figure.text)) {
        group.row.figures.push(toBoardFigure(figure, article));
      }
    }
  }
  const rows: BoardRow[] = [];
  for (const { row } of groups) {
    const sources = new Set(row.figures.map((f) => f.sourceId ?? f.articleId));
    if (sources.size < 2) continue;
    markDisputes(row);
    rows.push(row);
  }
  // disagreements first: they are what a reader cannot get from any one source
  return rows.sort(
    (a, b) => Number(b.disagreement) - Number(a.disagreement) || b.figures.length - a.figures.length,
  );
}

function toBoardFigure(figure: Figure, article: Article): BoardFigure {
  return {
    text: figure.text,
    value: figure.value!,
    valueMax: figure.valueMax ?? null,
    unit: figure.unit,
    claimant: figure.claimant,
    articleId: article.id,
    sourceId: article.sourceId,
    disputed: false,
  };
}

function markDisputes(row: BoardRow): void {
  for (const f of row.figures) {
    const others = row.figures.filter((g) => (g.sourceId ?? g.articleId) !== (f.sourceId ?? f.articleId));
    const clash = others.some((g) => !overlaps(range(f), range(g)));
    f.disputed = clash && !others.some((g) => overlaps(range(f), range(g)));
    if (clash) row.disagreement = true;
  }
}
