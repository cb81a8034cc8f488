// The online story clusterer's settings and their defaults (tuned on the ECB+ dev stream of
// bench:stories; each was checked over a range, see the commits that set them).
import type { ChannelWeights } from './live-story.js';
import type { RegroupOptions } from './regroup.js';

export interface ClustererOptions {
  /** stories with no article for this long leave the index */
  windowHours: number;
  /** minimum combined score to join a story */
  threshold: number;
  weights: ChannelWeights;
  /**
   * score multiplier when the article names years (or weekdays) and none is the one most
   * dating articles of the story name (see dateFactor)
   */
  dateConflict: number;
  /**
   * score bonus (× 1 + this) when most of the story's articles that name a calendar day name
   * the article's, or the day next to it (see dateFactor)
   */
  sameDayBonus: number;
  /** score multiplier per day of gap between the article and the story's latest article */
  dayDecay: number;
  /** half-life of a story's centroid weights, in hours of stream time */
  halfLifeHours: number;
  maxCandidates: number;
  centroidTerms: number;
  /** heaviest body terms kept of each article */
  articleTerms: number;
  /** a story is regrouped with its neighbours when it reaches this size and each time it doubles */
  regroupFrom: number;
  /** story-to-story score that makes a story a neighbour to regroup with */
  neighbourhood: number;
  /** at most this many articles are regrouped at once */
  regroupMembers: number;
  regroup: RegroupOptions;
}

export const DEFAULT_OPTIONS: ClustererOptions = {
  windowHours: 72,
  threshold: 0.2,
  weights: { body: 0.3, title: 0.1, names: 0.3, numbers: 0.3 },
  dateConflict: 0.7,
  sameDayBonus: 0.3,
  dayDecay: 0.85,
  halfLifeHours: 24,
  maxCandidates: 8,
  centroidTerms: 160,
  articleTerms: 100,
  regroupFrom: 2,
  neighbourhood: 0.1,
  regroupMembers: 96,
  regroup: { neighbours: 4, sharedWeight: 0.3, threshold: 0.24 },
};
