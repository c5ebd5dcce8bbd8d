// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ModelPanel } from '../../renderer/src/audio/ModelPanel';
import { createServices, renderWithServices } from '../support/services';

const services = createServices();

vi.mock('../../renderer/src/audio/modelSource', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/audio/modelSource')>()),
  findModelSource: async () => null,
}));

afterEach(cleanup);

it('in the browser build, says how to install the model instead of offering a download it cannot do', () => {
  renderWithServices(services, <ModelPanel model={{ state: 'none' }} />);
  expect(screen.queryByRole('button', { name: /Download the speech model/ })).toBeNull();
  expect(screen.getByTestId('model-browser-hint').textContent).toMatch(/cannot download the model itself.*npm run model:fetch/);
  expect(screen.getByRole('button', { name: 'Use a model file on this computer…' })).toBeTruthy();
});
