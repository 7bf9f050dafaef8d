/** The review API from Node, with the cookies and CSRF token a browser would keep: for seeding and API checks. */
import { CSRF_HEADER, SessionResponse } from '../../../src/shared/review';

export class ReviewClient {
  private cookies = new Map<string, string>();
  private csrf = '';

  private constructor(readonly baseUrl: string) {}

  static async anonymous(baseUrl: string): Promise<ReviewClient> {
    const client = new ReviewClient(baseUrl);
    const session = SessionResponse.parse(await (await client.get('session')).json());
    client.csrf = session.csrfToken;
    return client;
  }

  static async login(baseUrl: string, username: string, password: string): Promise<ReviewClient> {
    const client = await ReviewClient.anonymous(baseUrl);
    const response = await client.send('POST', 'login', { username, password });
    if (response.status !== 200)
      throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    client.csrf = SessionResponse.parse(await response.json()).csrfToken;
    return client;
  }

  private remember(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }

  private headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  async get(path: string): Promise<Response> {
    return this.remember(await fetch(`${this.baseUrl}/v1/review/${path}`, { headers: this.headers() }));
  }

  async send(method: 'POST' | 'PUT', path: string, body: unknown, csrf = true): Promise<Response> {
    return this.remember(
      await fetch(`${this.baseUrl}/v1/review/${path}`, {
        method,
        headers: {
          ...this.headers(),
          'content-type': 'application/json',
          ...(csrf ? { [CSRF_HEADER]: this.csrf } : {}),
        },
        body: JSON.stringify(body),
      }),
    );
  }

  put(path: string, body: unknown): Promise<Response> {
    return this.send('PUT', path, body);
  }
}
