/** Placeholder: replaced by the view's own implementation. */
export function HistoryView() {
  return <section aria-label="History"><h1>History</h1></section>;
}
