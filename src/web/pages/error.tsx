import { Layout, type PageContext } from './layout.js';

export function ErrorPage({ ctx, status }: { ctx: PageContext; status: 404 | 500 }) {
  const { t } = ctx;
  const [title, body] =
    status === 404
      ? [t('error.notFound'), t('error.notFoundBody')]
      : [t('error.server'), t('error.serverBody')];
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t('nav.home')}</a>
      </p>
    </Layout>
  );
}
