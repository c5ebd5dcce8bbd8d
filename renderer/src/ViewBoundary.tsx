import { Component, type ReactNode } from 'react';
import { DataExitButtons } from './history/DataExitButtons';
import { useDataExits } from './history/dataExits';
import { StorageNotice } from './storage/StorageNotice';

/**
 * Keeps one view's failure inside that view: the navigation and every other
 * view go on working, the agent is told what failed, and their two data exits
 * stay within reach.
 */
interface Props {
  /** The view's name as the navigation shows it. */
  label: string;
  children: ReactNode;
}

export class ViewBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    // Kept for whoever opens the developer tools; the agent sees the plain message below.
    console.error(`Steady: the ${this.props.label} view failed`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ViewFailed label={this.props.label} error={error} retry={() => this.setState({ error: null })} />;
  }
}

function ViewFailed({ label, error, retry }: { label: string; error: Error; retry: () => void }) {
  const exits = useDataExits();
  return (
    <section className="view-failed" role="alert" aria-label={`${label} could not be shown`} data-testid="view-failed">
      <h1>{label} could not be shown</h1>
      <p>
        Something went wrong while showing this view: {error.message || error.name}. The other views still work, and nothing saved was changed.
      </p>
      <DataExitButtons
        exits={exits}
        before={
          <button type="button" onClick={retry}>
            Try again
          </button>
        }
      />
      <StorageNotice problem={exits.problem} />
      {exits.status && <p role="status">{exits.status}</p>}
    </section>
  );
}
