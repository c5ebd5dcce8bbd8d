import { expect, type Locator } from '@playwright/test';

/** The reflection asks one question at a time: presses Next until `target` is on screen. */
export async function nextUntil(reflection: Locator, target: Locator): Promise<void> {
  for (;;) {
    if (await target.isVisible()) return;
    const next = reflection.getByRole('button', { name: 'Next', exact: true });
    await expect(next, 'a further step to look on').toBeVisible();
    const step = await reflection.getByTestId('reflection-step-count').textContent();
    await next.click();
    await expect(reflection.getByTestId('reflection-step-count')).not.toHaveText(step ?? '');
  }
}
