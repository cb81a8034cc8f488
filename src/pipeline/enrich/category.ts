// Category enricher: one of our ten slugs from the article's own words (title + text), never
// from the feed's section. The model is trained by scripts/train-category.ts.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type CategoryModel, type CategoryModelFile, compileModel, scoreCategory } from './category-model.js';
import type { Enricher } from './types.js';

let model: CategoryModel | null = null;

/** Loads the shipped model once, on first use (parsing it costs ~100 ms). */
export function categoryModel(): CategoryModel {
  if (!model) {
    const url = new URL('./models/category.json.gz', import.meta.url);
    model = compileModel(JSON.parse(gunzipSync(readFileSync(url)).toString('utf8')) as CategoryModelFile);
  }
  return model;
}

export const categoryEnricher: Enricher = {
  name: 'category',
  enrich(input, result) {
    if (!input.title.trim() && !input.text.trim()) {
      result.category = null;
      return;
    }
    result.category = scoreCategory(categoryModel(), input.title, input.text).slug;
  },
};
