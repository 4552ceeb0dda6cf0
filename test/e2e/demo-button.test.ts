import { expect, it } from 'vitest';
import { describeApp } from './fixture';
import { failOnConsoleWarnings, openPage } from './pages-helpers';

describeApp('"Try with demo data" on first start', (app) => {
  failOnConsoleWarnings(app);

  it('Home offers the demo and gives the exact command to start it', async () => {
    const { page } = app();
    await openPage(page, 'Home');
    const card = page.getByRole('region', { name: 'Try it with demo data' });
    await card.waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await app().screenshot('demo-offer-card');
    await card.getByRole('button', { name: 'Try with demo data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start the demo' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Demo command').innerText()).toBe('npm run demo');
    expect(await dialog.innerText()).toMatch(/own process/);
    await page.waitForTimeout(300);
    await app().screenshot('demo-offer');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

});
