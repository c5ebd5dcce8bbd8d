/** Placeholder: replaced by the view's own implementation. */
export function WorkbenchView() {
  return <section aria-label="Calibration workbench"><h1>Calibration workbench</h1></section>;
}
