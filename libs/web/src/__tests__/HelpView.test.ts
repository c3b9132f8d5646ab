import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { RouterView } from 'vue-router';
import type { App } from '@cordon/contracts';
import AppShell from '../components/AppShell.vue';
import type { SessionUser } from '../api/types';
import { firstHeading } from '../help/markdown';
import { byTestId, click, mountApp, settle, type AppSetup, type MountedApp, type Role } from '../testing/harness';
import citizenVi from '../../../../docs/guides/nguoi-dan.md?raw';
import leaderVi from '../../../../docs/guides/lanh-dao-xa.md?raw';
import leaderEn from '../../../../docs/guides/lanh-dao-xa.en.md?raw';
import staffVi from '../../../../docs/guides/can-bo-xa.md?raw';
import healthVi from '../../../../docs/guides/so-y-te.md?raw';

const Root = { render: () => h(AppShell, null, { default: () => h(RouterView) }) };
const Home = { render: () => h('h1', { 'data-testid': 'home-title' }, 'home') };

/** An app as createCordonApp wires it (the shared routes give it /help and /login), with only a home page. */
const appOf = (app: App): AppSetup => ({
  app,
  root: Root,
  routes: [{ path: '/', name: 'home', component: Home }],
  shared: { signIn: () => import('../views/SignInView.vue'), activate: app !== 'citizen' },
  messages: { vi: {}, en: {} },
  nav: [],
  signIn: { usernameLabelKey: 'auth.username' },
});

const user = (role: Role): SessionUser => ({ id: 'u1', username: 'x', fullName: 'Nguyễn Thị Hoa', role, jurisdiction: { unitCode: '02221' } });

/** Waits for the guide (its chunk loads lazily) and returns its title. */
async function guideTitle(root: ParentNode): Promise<string> {
  await vi.waitFor(() => byTestId(root, 'help-guide').querySelector('h1') ?? Promise.reject(new Error('no guide yet')));
  return byTestId(root, 'help-guide').querySelector('h1')!.textContent!;
}

let mounted: MountedApp | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

describe('HelpView', () => {
  it("shows the signed-in user's guide and lists the app's other guides", async () => {
    mounted = await mountApp(appOf('commune'), '/help', { user: user('COMMUNE_LEADER') });
    expect(await guideTitle(mounted.el)).toBe(firstHeading(leaderVi));
    expect(document.title).toContain('Hướng dẫn sử dụng');
    const others = [...byTestId(mounted.el, 'help-list').querySelectorAll('a')].map((a) => a.textContent!.trim());
    expect(others).toEqual(['Cán bộ xã', 'Cán bộ huyện']);
    // The screenshot resolves to a bundled URL (not the Markdown's relative path).
    const img = byTestId(mounted.el, 'help-guide').querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('Ký ban hành');
    expect(img.getAttribute('src')).toMatch(/commune-sign.*\.png/);
    expect(img.getAttribute('src')).not.toMatch(/^images\//);
  });

  it('shows the English file when the language is English', async () => {
    mounted = await mountApp(appOf('commune'), '/help', { user: user('COMMUNE_LEADER') });
    await guideTitle(mounted.el);
    await click(mounted.el, '[data-testid="lang-switch"]');
    await vi.waitFor(() => expect(byTestId(mounted!.el, 'help-guide').querySelector('h1')!.textContent).toBe(firstHeading(leaderEn)));
    expect(byTestId(mounted.el, 'help-guide').getAttribute('lang')).toBe('en');
    expect(byTestId(mounted.el, 'help-print').textContent).toContain('Print');
    expect(byTestId(mounted.el, 'help-link').textContent).toBe('Help');
  });

  it('follows a link to another guide inside the app', async () => {
    mounted = await mountApp(appOf('commune'), '/help', { user: user('COMMUNE_LEADER') });
    await guideTitle(mounted.el);
    const link = [...byTestId(mounted.el, 'help-guide').querySelectorAll('a')].find((a) => a.getAttribute('href')?.includes('guide=can-bo-xa'))!;
    expect(link.getAttribute('href')).toBe('/commune/help?guide=can-bo-xa');
    link.click();
    await settle();
    expect(mounted.router.currentRoute.value.fullPath).toBe('/help?guide=can-bo-xa');
    await vi.waitFor(() => expect(byTestId(mounted!.el, 'help-guide').querySelector('h1')!.textContent).toBe(firstHeading(staffVi)));
  });

  it('is reachable signed out from the Help link of the sign-in page (citizen: the citizen guide)', async () => {
    mounted = await mountApp(appOf('citizen'), '/login', { user: null });
    expect(byTestId(mounted.el, 'help-link').textContent).toBe('Trợ giúp');
    await click(mounted.el, '[data-testid="help-link"]');
    expect(mounted.router.currentRoute.value.path).toBe('/help');
    expect(await guideTitle(mounted.el)).toBe(firstHeading(citizenVi));
    expect(mounted.el.querySelector('[data-testid="help-list"]')).toBeNull();
  });

  it("signed out in a staff app: lists the app's guides to choose from", async () => {
    mounted = await mountApp(appOf('province'), '/help', { user: null });
    expect(byTestId(mounted.el, 'help-title').textContent).toBe('Hướng dẫn sử dụng');
    const links = [...byTestId(mounted.el, 'help-list').querySelectorAll('a')];
    expect(links.map((a) => a.textContent!.trim())).toEqual([
      'Cán bộ chốt kiểm soát',
      'Công an tỉnh',
      'Sở Y tế',
      'Sở Giao thông Vận tải',
      'Sở Thông tin và Truyền thông',
    ]);
    await click(mounted.el, '[data-testid="help-guide-so-y-te"]');
    expect(await guideTitle(mounted.el)).toBe(firstHeading(healthVi));
  });

  it('ignores an unknown guide and prints with the browser', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    mounted = await mountApp(appOf('province'), '/help?guide=nguoi-dan', { user: user('HEALTH_OFFICER') });
    expect(await guideTitle(mounted.el)).toBe(firstHeading(healthVi));
    await click(mounted.el, '[data-testid="help-print"]');
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
  });
});
