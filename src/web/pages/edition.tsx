import type { WrapUp } from '../../pipeline/stories/wrap-up.js';
import type { Edition } from '../edition.js';
import { StoryCard } from './article-card.js';
import { Layout, type PageContext } from './layout.js';

function regionName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function editionLabel(key: string, lang: string): string {
  const [kind, code] = key.split(':');
  if (kind === 'country' && code) return regionName(code, lang);
  if (kind === 'language' && code) return languageName(code, lang);
  return key;
}

/** The edition selector: a GET form that works without JavaScript. */
export function EditionForm({
  ctx,
  edition,
  countries,
  languages,
  compact,
}: {
  ctx: PageContext;
  edition: Edition;
  countries: string[];
  languages: string[];
  compact?: boolean;
}) {
  const { t } = ctx;
  return (
    <form class={compact ? 'edition compact' : 'edition'} method="get" action="/edition">
      <fieldset>
        <legend>{t('edition.title')}</legend>
        <label for="ed-country">{t('edition.country')}</label>
        <select id="ed-country" name="country">
          <option value="">{t('edition.all')}</option>
          {countries.map((c) => (
            <option value={c} selected={edition.country === c}>
              {regionName(c, ctx.lang)}
            </option>
          ))}
        </select>
        <label for="ed-language">{t('edition.language')}</label>
        <select id="ed-language" name="language">
          <option value="">{t('edition.all')}</option>
          {languages.map((l) => (
            <option value={l} selected={edition.language === l}>
              {languageName(l, ctx.lang)}
            </option>
          ))}
        </select>
        <button type="submit" name="save" value="1">
          {t('edition.save')}
        </button>
      </fieldset>
    </form>
  );
}

export function EditionPage({
  ctx,
  edition,
  countries,
  languages,
}: {
  ctx: PageContext;
  edition: Edition;
  countries: string[];
  languages: string[];
}) {
  return (
    <Layout ctx={ctx} title={ctx.t('edition.title')} noindex>
      <h1>{ctx.t('edition.title')}</h1>
      <p>{ctx.t('edition.intro')}</p>
      <EditionForm ctx={ctx} edition={edition} countries={countries} languages={languages} />
    </Layout>
  );
}

export function WrapUpPage({
  ctx,
  wrapUp,
  editionKey,
}: {
  ctx: PageContext;
  wrapUp: WrapUp;
  editionKey: string;
}) {
  const { t } = ctx;
  const chosen = wrapUp.editions.find((e) => e.edition === editionKey) ?? wrapUp.editions[0];
  const others = wrapUp.editions.filter((e) => e !== chosen && e.stories.length > 0);
  return (
    <Layout ctx={ctx} title={t('wrapUp.title')} description={t('wrapUp.intro')} feed="/wrap-up/feed">
      <h1>{t('wrapUp.title')}</h1>
      <p>
        {t('wrapUp.intro')}{' '}
        {chosen && chosen.edition !== 'all'
          ? t('edition.current', { edition: editionLabel(chosen.edition, ctx.lang) })
          : null}
      </p>
      {!chosen || chosen.stories.length === 0 ? <p class="empty">{t('wrapUp.empty')}</p> : null}
      <div class="grid">
        {(chosen?.stories ?? []).map((s) => (
          <StoryCard story={s} ctx={ctx} points={3} level={2} />
        ))}
      </div>
      {others.length > 0 ? (
        <nav aria-labelledby="other-editions">
          <h2 id="other-editions">{t('wrapUp.otherEditions')}</h2>
          <ul class="chips">
            {others.map((e) => (
              <li>
                <a href={`/wrap-up?edition=${encodeURIComponent(e.edition)}`}>
                  {editionLabel(e.edition, ctx.lang)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}
