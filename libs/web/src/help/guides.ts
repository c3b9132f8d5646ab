import { APP_OF_ROLE, type App, type Role } from '@cordon/contracts';

/**
 * The user guides, one per role, written once in docs/guides/ (`<slug>.md` Vietnamese, `<slug>.en.md` English)
 * and shown in the apps by HelpView. Only HelpView imports this module, so the guides and the list of their
 * screenshots load with the help page, never with an app's first load.
 */
export const GUIDE_OF_ROLE: Record<Role, string> = {
  CITIZEN: 'nguoi-dan',
  CHECKPOINT_OFFICER: 'can-bo-chot',
  COMMUNE_STAFF: 'can-bo-xa',
  COMMUNE_LEADER: 'lanh-dao-xa',
  DISTRICT_OFFICER: 'can-bo-huyen',
  HEALTH_OFFICER: 'so-y-te',
  POLICE_ADMIN: 'cong-an-tinh',
  TRANSPORT_OFFICER: 'van-tai',
  ACCOUNT_ADMIN: 'quan-tri-tai-khoan',
};

/** The order in which an app lists its guides. */
const ORDER: Role[] = [
  'CITIZEN',
  'COMMUNE_STAFF',
  'COMMUNE_LEADER',
  'DISTRICT_OFFICER',
  'CHECKPOINT_OFFICER',
  'POLICE_ADMIN',
  'HEALTH_OFFICER',
  'TRANSPORT_OFFICER',
  'ACCOUNT_ADMIN',
];

export interface GuideEntry {
  role: Role;
  slug: string;
}

/** The guides of the roles that work in `app`. */
export function guidesOfApp(app: App): GuideEntry[] {
  return ORDER.filter((role) => APP_OF_ROLE[role] === app).map((role) => ({ role, slug: GUIDE_OF_ROLE[role] }));
}

type Loader = () => Promise<string>;

// Lazy: one chunk per guide. The screenshots are files next to the built app (only their URLs are here).
const sources = import.meta.glob<string>('../../../../docs/guides/*.md', { query: '?raw', import: 'default' }) as Record<string, Loader>;
const images = import.meta.glob<string>('../../../../docs/guides/images/*.{png,jpg,svg}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const SOURCES = new Map(Object.entries(sources).map(([path, load]) => [fileName(path), load]));
const IMAGES = new Map(Object.entries(images).map(([path, url]) => [fileName(path), url]));

export interface GuideSource {
  /** The Markdown text. */
  text: string;
  /** The language of the file that was found (English falls back to Vietnamese). */
  lang: 'vi' | 'en';
}

/** Loads a guide in the locale's language (the Vietnamese one when there is no English file); null: no such guide. */
export async function loadGuide(slug: string, locale: string): Promise<GuideSource | null> {
  const english = locale === 'en' ? SOURCES.get(`${slug}.en.md`) : undefined;
  if (english) return { text: await english(), lang: 'en' };
  const vietnamese = SOURCES.get(`${slug}.md`);
  return vietnamese ? { text: await vietnamese(), lang: 'vi' } : null;
}

/** The built URL of a guide's image (`images/x.png`), or undefined when there is no such file. */
export function guideImage(src: string): string | undefined {
  const m = src.match(/^(?:\.\/)?images\/([^/]+)$/);
  return m ? IMAGES.get(m[1]!) : undefined;
}

/** A link to another guide (`can-bo-xa.md`, `can-bo-xa.en.md`) -> its slug; anything else -> null. */
export function guideSlugOfLink(href: string): string | null {
  const m = href.match(/^(?:\.\/)?([a-z0-9-]+?)(?:\.en)?\.md(?:#.*)?$/);
  return m && SOURCES.has(`${m[1]}.md`) ? m[1]! : null;
}
