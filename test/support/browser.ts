// A minimal browser for the stand-in's web side: Node's fetch with redirects left to the test (so every hop can be
// asserted) and a real RFC 6265 cookie jar (tough-cookie) that keeps what each origin sets.
import { CookieJar } from 'tough-cookie';

export interface Visit {
  url: string;
  status: number;
  headers: Headers;
  /** The absolute redirect target, when there is one. */
  location: string | undefined;
  setCookies: string[];
  text: string;
}

export interface RequestOptions {
  method?: string;
  /** Sent as application/x-www-form-urlencoded, as a browser posts a form. */
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
}

export class Browser {
  readonly jar = new CookieJar();

  async request(url: string, options: RequestOptions = {}): Promise<Visit> {
    const headers = new Headers(options.headers);
    const cookie = await this.jar.getCookieString(url);
    if (cookie !== '') headers.set('Cookie', cookie);
    let body: string | undefined;
    if (options.form !== undefined) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.json);
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) await this.jar.setCookie(line, url);
    const location = response.headers.get('location');
    return {
      url,
      status: response.status,
      headers: response.headers,
      location: location === null ? undefined : new URL(location, url).toString(),
      setCookies,
      text: await response.text(),
    };
  }

  get(url: string, headers?: Record<string, string>): Promise<Visit> {
    return this.request(url, { headers });
  }

  post(url: string, form: Record<string, string>): Promise<Visit> {
    return this.request(url, { form });
  }

  /** Follows a redirect as a browser would (GET), failing loudly when the visit was not one. */
  follow(visit: Visit): Promise<Visit> {
    if (visit.location === undefined) throw new Error(`Expected a redirect from ${visit.url}, got ${visit.status}.`);
    return this.get(visit.location);
  }

  async cookie(name: string, url: string): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(url);
    return cookies.find((cookie) => cookie.key === name)?.value;
  }
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

/** The value of the named input in a page, unescaped; undefined when the page has no such input. */
export function inputValue(html: string, name: string): string | undefined {
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    if (!tag.includes(` name="${name}"`)) continue;
    const value = /\svalue="([^"]*)"/.exec(tag)?.[1];
    return value === undefined ? '' : unescapeHtml(value);
  }
  return undefined;
}

/** The action of the form with this id, unescaped. */
export function formAction(html: string, id: string): string | undefined {
  const tag = new RegExp(`<form\\b[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  const action = tag === undefined ? undefined : /\saction="([^"]*)"/.exec(tag)?.[1];
  return action === undefined ? undefined : unescapeHtml(action);
}

export function pageTitle(html: string): string | undefined {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  return title === undefined ? undefined : unescapeHtml(title);
}

/** Opens Jira's login form (keeping the destination it was given) and posts it, as a user at the keyboard would. */
export async function submitLoginForm(
  browser: Browser,
  baseUrl: string,
  fields: { username: string; password: string; destination?: string; captcha?: string },
): Promise<Visit> {
  const query = fields.destination === undefined ? '' : `?os_destination=${encodeURIComponent(fields.destination)}`;
  const page = await browser.get(`${baseUrl}/login.jsp${query}`);
  if (page.status !== 200) throw new Error(`The login form answered ${page.status}.`);
  return browser.post(`${baseUrl}/login.jsp`, {
    os_username: fields.username,
    os_password: fields.password,
    os_destination: inputValue(page.text, 'os_destination') ?? '',
    ...(fields.captcha === undefined ? {} : { os_captcha: fields.captcha }),
    login: 'Log In',
  });
}
