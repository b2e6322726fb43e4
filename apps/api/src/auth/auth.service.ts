import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { AccountsService, type AuthUser, DomainError, SignInsService } from '@duyet/domain';
import { EdgeError } from '../common/http-errors.filter';
import type { SessionCookieSettings } from './session-cookies';

interface TokenPayload {
  sub: string;
  did: string;
  /** the account's session version when signed in: a changed password raises it and ends this session */
  sv?: number;
}

/** How long an authenticated user is reused, and how many are kept (see authenticate). */
const RECENT_USER_MS = 1000;
const RECENT_USERS_MAX = 10_000;

const CSRF_REFUSED = 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.';

@Injectable()
export class AuthService {
  /** Users read for authentication in the last second, by id: the read itself, so concurrent requests share it. */
  private readonly recent = new Map<string, { at: number; user: Promise<AuthUser> }>();
  private readonly csrfKey: Buffer;
  readonly cookies: SessionCookieSettings;

  constructor(
    private readonly accounts: AccountsService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'jwt' | 'publicUrl'>,
    private readonly signIns: SignInsService,
  ) {
    this.csrfKey = createHmac('sha256', config.jwt.secret).update('duyet csrf').digest();
    this.cookies = { ttlSeconds: config.jwt.ttlSeconds, secure: config.publicUrl.startsWith('https:') };
  }

  /** Signs in with a password (refusals, lockout and the record of the attempt are SignInsService's). */
  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: AuthUser }> {
    const signedIn = await this.signIns.signIn(email, password, ip);
    return this.sessionFor(signedIn.userId, signedIn.sessionVersion);
  }

  /** A session token for this account at this session version (after signing in, or after changing the password). */
  async sessionFor(userId: string, sessionVersion: number): Promise<{ accessToken: string; user: AuthUser }> {
    const user = await this.accounts.activeUser(userId, sessionVersion);
    const payload: TokenPayload = { sub: user.id, did: user.districtId, sv: sessionVersion };
    return { accessToken: await this.jwt.signAsync(payload), user };
  }

  /**
   * The CSRF token of a session: derived from the session token with a key of the server's, so a page of another
   * site cannot know it (it cannot read the cookie) nor plant one of its own that passes (it cannot compute it).
   */
  csrfToken(sessionToken: string): string {
    return createHmac('sha256', this.csrfKey).update(sessionToken).digest('base64url');
  }

  /** Double submit: the header must equal the cookie, and both the token derived from this session. */
  checkCsrf(sessionToken: string, header: string | undefined, cookie: string | undefined): void {
    const expected = Buffer.from(this.csrfToken(sessionToken));
    const sent = Buffer.from(header ?? '');
    const ok =
      header !== undefined && header === cookie && sent.length === expected.length && timingSafeEqual(sent, expected);
    if (!ok) throw new EdgeError(403, 'CSRF', CSRF_REFUSED);
  }

  /**
   * Verifies a session token (bearer or cookie) and loads the user, read from the database at most a second ago: a
   * deactivated account, a changed password (the token's version is behind) or a new assignment counts within a second. Reading the user and their assignments on every
   * request was most of what an authenticated request cost the API: the overdue board with 50 clients went from
   * about 730 to 1,800 requests/s without it (npm run bench), and a page's parallel calls now share one read.
   */
  async authenticate(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.');
    }
    return this.recentUser(payload.sub, payload.sv ?? 0);
  }

  private recentUser(id: string, sessionVersion: number): Promise<AuthUser> {
    const key = `${id}:${sessionVersion}`;
    const now = Date.now();
    const hit = this.recent.get(key);
    if (hit && now - hit.at < RECENT_USER_MS) return hit.user;
    // Bounded: a burst of distinct users empties it rather than growing it.
    if (this.recent.size >= RECENT_USERS_MAX) this.recent.clear();
    const entry = { at: now, user: this.accounts.activeUser(id, sessionVersion) };
    this.recent.set(key, entry);
    // A refusal (deactivated, unknown, an older session) or a database error is not kept: the next request asks again.
    entry.user.catch(() => {
      if (this.recent.get(key) === entry) this.recent.delete(key);
    });
    return entry.user;
  }
}
