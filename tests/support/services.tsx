import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createServices, type Services } from '../../renderer/src/services';
import { ServicesProvider } from '../../renderer/src/ServicesProvider';

/** Renders a view inside a set of services, as main.tsx does; each test file builds its own with createServices(). */
export function renderWithServices(services: Services, ui: ReactElement): RenderResult {
  const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
  return render(ui, { wrapper });
}

export { createServices, type Services };
