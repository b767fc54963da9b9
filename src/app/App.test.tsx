import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, startHarness, type Harness } from '../../tests/support/appHarness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => cleanup());
afterAll(() => harness.close());

const navLinks = async () => {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  // Links appear as the roles load; wait until the list settles.
  await within(nav).findByRole('link', { name: 'Home' });
  return nav;
};

/** Signs in from the demo-user list and waits for the screen's heading (Home's welcome unless told otherwise). */
async function signInAs(name: string, heading = `Welcome, ${name}`) {
  const user = userEvent.setup();
  const list = await screen.findByRole('list', { name: 'Demo users' });
  await user.click(demoUserButton(list, name));
  await screen.findByRole('heading', { level: 1, name: heading });
  return user;
}

/** A demo user's button; its accessible name starts with the display name, then job title and roles. */
const demoUserButton = (list: HTMLElement, name: string) => within(list).getByRole('button', { name: (n) => n.startsWith(name) });

/** The link names in the main navigation once the roles are known. */
async function areaNames(): Promise<string[]> {
  const nav = await navLinks();
  await waitForRoles(nav);
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

async function waitForRoles(nav: HTMLElement) {
  // While roles load the nav says so in a status line; wait until it is gone.
  await waitFor(() => expect(within(nav).queryByRole('status')).toBeNull());
}

describe('sign-in page (emulator)', () => {
  it('lists the demo users with job titles and their SMS roles', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Demo users' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(16);
    const priya = demoUserButton(list, 'Priya Nair');
    expect(priya.textContent).toContain('Quality & Compliance Coordinator');
    expect(priya.textContent).toContain('Roles: Document controller, Process owner, Internal auditor, Employee');
    const jack = demoUserButton(list, 'Jack Turner');
    expect(jack.textContent).toContain('Roles: Employee');
  });
});

describe('navigation by role', () => {
  it('shows an employee (Jack Turner) only what every employee may use', async () => {
    renderApp();
    await signInAs('Jack Turner');
    expect(await areaNames()).toEqual(['Home', 'Documents', 'Acknowledgements', 'Registers', 'Actions']);
    expect(screen.getByRole('group', { name: 'Signed-in user' }).textContent).toContain('Roles: Employee');
  });

  it('shows Priya Nair (document controller, process owner, internal auditor) Reviews, Audits and Compliance too', async () => {
    renderApp();
    await signInAs('Priya Nair');
    expect(await areaNames()).toEqual(['Home', 'Documents', 'Acknowledgements', 'Registers', 'Actions', 'Reviews', 'Audits', 'Compliance']);
  });

  it('gives a process owner without audit or compliance duties Reviews only (Marcus Chen)', async () => {
    renderApp();
    await signInAs('Marcus Chen');
    expect(await areaNames()).toEqual(['Home', 'Documents', 'Acknowledgements', 'Registers', 'Actions', 'Reviews']);
  });

  it('tells someone who types the address of an area their role may not use, instead of showing it', async () => {
    renderApp({ path: '/audits' });
    await signInAs('Jack Turner', 'Audits');
    expect(await screen.findByText('Not available for your role')).toBeTruthy();
    expect(screen.getByText(/Audits is for: Top management, SMS manager, Internal auditor/)).toBeTruthy();
  });

  it('opens an area that is not built yet as an honest placeholder, focusing its heading', async () => {
    renderApp();
    const user = await signInAs('Priya Nair');
    const nav = await navLinks();
    // Compliance shows once Priya's roles are read.
    await user.click(await within(nav).findByRole('link', { name: 'Compliance' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Compliance' });
    expect(document.activeElement).toBe(heading);
    expect(within(nav).getByRole('link', { name: 'Compliance' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(/Compliance arrives with a later issue/)).toBeTruthy();
    expect(screen.getByText(/Nothing here is sample data/)).toBeTruthy();
  });

  it('opens Acknowledgements on "My acknowledgements", no longer a placeholder', async () => {
    renderApp();
    const user = await signInAs('Priya Nair');
    const nav = await navLinks();
    await user.click(within(nav).getByRole('link', { name: 'Acknowledgements' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'My acknowledgements' });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByText(/arrive with a later issue/)).toBeNull();
  });

  it('opens Registers on the index of the registers, no longer a placeholder', async () => {
    renderApp();
    const user = await signInAs('Priya Nair');
    const nav = await navLinks();
    await user.click(within(nav).getByRole('link', { name: 'Registers' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Registers' }, { timeout: 5000 });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('link', { name: 'Nonconformities' }).getAttribute('href')).toBe('/registers/nonconformities');
    expect(screen.queryByText(/arrive with a later issue/)).toBeNull();
  });

  it('answers an unknown address with "Page not found" and a way home', async () => {
    renderApp({ path: '/nowhere' });
    const user = await signInAs('Jack Turner', 'Page not found');
    await user.click(screen.getByRole('link', { name: 'Go to Home' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Jack Turner' })).toBeTruthy();
  });
});

describe('language', () => {
  it('switches the whole shell to Simplified Chinese and back', async () => {
    renderApp();
    const user = await signInAs('Priya Nair');
    await areaNames();
    await user.selectOptions(screen.getByLabelText('Language'), '中文（简体）');
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['首页', '文件', '阅读确认', '登记册', '措施', '管理评审', '审核', '合规']);
    expect(screen.getByRole('heading', { level: 1, name: '欢迎，Priya Nair' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '注销' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    await user.selectOptions(screen.getByLabelText('语言'), 'English');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('starts in Chinese when Teams or the browser says so, sign-in page included', async () => {
    renderApp({ language: 'zh-CN' });
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: '演示用户' });
    expect(demoUserButton(list, 'Jack Turner').textContent).toContain('角色：员工');
  });
});

describe('sign-out', () => {
  it('returns to the sign-in page and forgets the previous user', async () => {
    renderApp();
    const user = await signInAs('Priya Nair');
    await areaNames();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await signInAs('Jack Turner');
    expect(await areaNames()).toEqual(['Home', 'Documents', 'Acknowledgements', 'Registers', 'Actions']);
  });
});
