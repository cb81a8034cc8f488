import type { Context } from 'hono';
import type { Web } from '../context.js';
import { ErrorPage } from '../pages/error.js';

export async function notFound(web: Web, c: Context): Promise<Response> {
  const body = await web.render(<ErrorPage ctx={web.page(c)} status={404} />);
  return new Response(body, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

export async function serverError(web: Web, c: Context): Promise<Response> {
  const body = await web.render(<ErrorPage ctx={web.page(c)} status={500} />);
  return new Response(body, { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
