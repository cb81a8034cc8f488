// The AI panel: everything in it is taken from the article (key points, who and where, numbers,
// quotes, timeline) and links to the sentence it comes from, plus "Ask about this article".
import type { Article, Entity } from '../../domain/types.js';
import type { Answer } from '../../pipeline/enrich/ask.js';
import { slugify } from '../../pipeline/enrich/hashtags.js';
import { sentenceId, type TextModel } from '../text-body.js';
import type { PageContext } from './layout.js';

function Cite({ model, start, children }: { model: TextModel | null; start: number; children?: unknown }) {
  const id = model ? sentenceId(model, start) : null;
  return id ? (
    <a href={`#${id}`} class="cite" data-sentence={id}>
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}

interface Chip {
  slug: string;
  name: string;
}

/** Hashtag chips for entities of some types, in hashtag order, each once. */
function chips(article: Article, types: Entity['type'][]): Chip[] {
  const e = article.enrichment;
  if (!e) return [];
  const bySlug = new Map<string, Entity>();
  for (const entity of e.entities) {
    const slug = slugify(entity.canonical ?? entity.text);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, entity);
  }
  return e.hashtags
    .map((slug) => ({ slug, entity: bySlug.get(slug) }))
    .filter((x) => x.entity && types.includes(x.entity.type))
    .map((x) => ({ slug: x.slug, name: x.entity?.canonical ?? x.entity?.text ?? x.slug }));
}

function Chips({ list }: { list: Chip[] }) {
  return (
    <ul class="chips">
      {list.map((c) => (
        <li>
          <a href={`/tag/${encodeURIComponent(c.slug)}`}>#{c.name}</a>
        </li>
      ))}
    </ul>
  );
}

export function AskForm({
  ctx,
  article,
  answer,
}: {
  ctx: PageContext;
  article: Article;
  answer: Answer | null;
}) {
  const { t } = ctx;
  return (
    <section class="ask" id="ask" aria-labelledby="ask-title">
      <h3 id="ask-title">{t('ask.title')}</h3>
      <form method="get" action={`/article/${article.id}#ask`} data-ask={`/article/${article.id}/ask.json`}>
        <label for="ask-q">{t('ask.label')}</label>
        <div class="row">
          <input
            id="ask-q"
            name="ask"
            type="search"
            maxlength={300}
            value={answer?.question ?? ''}
            placeholder={t('ask.placeholder')}
          />
          <button type="submit">{t('ask.submit')}</button>
        </div>
      </form>
      <div id="answer" aria-live="polite" data-none={t('ask.none')}>
        {answer ? (
          answer.sentences.length === 0 ? (
            <p class="empty">{t('ask.none')}</p>
          ) : (
            <>
              <p class="label">{t('ask.answer')}</p>
              <ol>
                {answer.sentences.map((s) => (
                  <li>
                    <a href={`#s${s.start}`} class="cite" data-sentence={`s${s.start}`}>
                      {s.text}
                    </a>
                  </li>
                ))}
              </ol>
            </>
          )
        ) : null}
      </div>
      <p class="note">{t('ask.note')}</p>
    </section>
  );
}

export function AiPanel({
  ctx,
  article,
  model,
  answer,
}: {
  ctx: PageContext;
  article: Article;
  /** the text as shown, or null when only an excerpt is shown */
  model: TextModel | null;
  answer: Answer | null;
}) {
  const { t } = ctx;
  const e = article.enrichment;
  const who = chips(article, ['person', 'organization']);
  const where = chips(article, ['place']);
  const events = [...(e?.events ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <aside class="ai" aria-labelledby="ai-title">
      <h2 id="ai-title">{t('ai.title')}</h2>
      <p class="note">{t('ai.grounded')}</p>
      {e && e.keyPoints.length > 0 ? (
        <section>
          <h3>{t('ai.keyPoints')}</h3>
          <ul class="points">
            {e.keyPoints.map((kp) => (
              <li>
                <Cite model={model} start={kp.start}>
                  {kp.text}
                </Cite>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {who.length > 0 ? (
        <section>
          <h3>{t('ai.who')}</h3>
          <Chips list={who} />
        </section>
      ) : null}
      {where.length > 0 ? (
        <section>
          <h3>{t('ai.where')}</h3>
          <Chips list={where} />
        </section>
      ) : null}
      {e && e.figures.length > 0 ? (
        <section>
          <h3>{t('ai.numbers')}</h3>
          <ul class="numbers">
            {e.figures.slice(0, 12).map((f) => (
              <li>
                <Cite model={model} start={f.start}>
                  <strong>{f.text}</strong>
                </Cite>
                {f.counts ? ` ${f.counts}` : ''}
                {f.claimant ? <span class="meta"> {t('ai.claims', { claimant: f.claimant })}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {e && e.quotes.length > 0 ? (
        <section>
          <h3>{t('ai.quotes')}</h3>
          <ul class="quotes">
            {e.quotes.slice(0, 10).map((q) => (
              <li>
                <Cite model={model} start={q.start}>
                  <q>{q.text}</q>
                </Cite>
                {q.speaker || q.mention ? <span class="meta"> — {q.speaker ?? q.mention}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {events.length > 0 ? (
        <section>
          <h3>{t('ai.timeline')}</h3>
          <ol class="timeline">
            {events.slice(0, 12).map((ev) => (
              <li>
                <time datetime={ev.date}>{ev.date}</time>{' '}
                <Cite model={model} start={ev.start}>
                  {ev.text}
                </Cite>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {model ? <AskForm ctx={ctx} article={article} answer={answer} /> : null}
    </aside>
  );
}
