// Site settings edited in /admin/settings and kept in the store (so every process sees them).
// The reader's pages can call siteSettings() to show the name, editions and default language.
import type { SiteSettings } from '../../domain/types.js';
import type { Store } from '../../storage/store.js';

export async function siteSettings(store: Store, defaults: SiteSettings): Promise<SiteSettings> {
  const all = await store.settings.all();
  let editions = defaults.editions;
  try {
    const parsed = all['site.editions'] ? (JSON.parse(all['site.editions']) as unknown) : null;
    if (Array.isArray(parsed) && parsed.every((e) => typeof e === 'string')) editions = parsed;
  } catch {}
  return {
    name: all['site.name'] || defaults.name,
    editions,
    defaultLanguage: all['site.defaultLanguage'] || defaults.defaultLanguage,
  };
}

export async function saveSiteSettings(store: Store, s: SiteSettings): Promise<void> {
  await store.settings.set('site.name', s.name);
  await store.settings.set('site.editions', JSON.stringify(s.editions));
  await store.settings.set('site.defaultLanguage', s.defaultLanguage);
}
