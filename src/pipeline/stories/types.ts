/** One article as the story clusterer sees it (the `lede cluster --jsonl` input). */
export interface ClusterInput {
  id: string;
  title: string;
  text: string;
  published: string | null;
  source: string;
  /** canonical names of the entities the enrich stage found, if any */
  entities?: string[];
}

export interface ClusterAssignment {
  storyId: string;
  /** true when this article started a new story */
  created: boolean;
  /** similarity to the story it joined (0 when created) */
  score: number;
  /** stories this placement merged into others (mostly into storyId), whose articles follow */
  merged: MergedStory[];
  /** earlier articles this placement moved to another story (when a story was regrouped) */
  moved: MovedArticle[];
}

export interface MergedStory {
  id: string;
  into: string;
}

export interface MovedArticle {
  id: string;
  storyId: string;
}
