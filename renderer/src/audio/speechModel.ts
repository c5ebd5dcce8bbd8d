import { NEXT_STEP, SpeechModelError, modelError, type ModelProblem } from '../speech/modelErrors';
import { loadVoskModel, type VoskModel } from '../speech/voskModel';
import { findModelSource, modelFromFile, type ModelSource } from './modelSource';

/**
 * The speech model for live calls: found (installed by the shell, fetched
 * beside the page, or named in the URL) or picked as a file, loaded once into
 * vosk-browser's worker, and reported as a status the views can show.
 */
export type ModelStatus =
  | { state: 'unknown' }
  | { state: 'checking' }
  | { state: 'none' }
  | { state: 'loading'; name: string }
  | { state: 'ready'; name: string }
  | { state: 'failed'; name: string; problem: ModelProblem; message: string };

export class SpeechModel {
  private status: ModelStatus = { state: 'unknown' };
  private model: VoskModel | null = null;
  private pending: Promise<VoskModel | null> | null = null;

  /**
   * @param onStatus every status change, for the live source's state.
   * @param onReady a model has just loaded (or replaced another).
   */
  constructor(
    private readonly onStatus: (status: ModelStatus) => void,
    private readonly onReady: (model: VoskModel) => void,
  ) {}

  get current(): VoskModel | null {
    return this.model;
  }

  get state(): ModelStatus {
    return this.status;
  }

  private setStatus(status: ModelStatus): void {
    this.status = status;
    this.onStatus(status);
  }

  private fail(name: string, error: unknown): void {
    const failure = error instanceof SpeechModelError ? error : modelError('unknown', String(error));
    this.setStatus({ state: 'failed', name, problem: failure.problem, message: `${failure.message} ${NEXT_STEP}` });
  }

  /** Find and load the model once; safe to call repeatedly. Never throws: failures become the status. */
  ensure(): Promise<VoskModel | null> {
    if (this.model) return Promise.resolve(this.model);
    if (this.pending) return this.pending;
    this.pending = (async () => {
      this.setStatus({ state: 'checking' });
      const source = await findModelSource().catch(() => null);
      if (!source) {
        this.setStatus({ state: 'none' });
        return null;
      }
      return this.load(source);
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async load(source: ModelSource): Promise<VoskModel | null> {
    this.setStatus({ state: 'loading', name: source.name });
    try {
      const model = await loadVoskModel(source.url, { skipCheck: source.checked });
      this.model?.terminate();
      this.model = model;
      this.setStatus({ state: 'ready', name: source.name });
      this.onReady(model);
      return model;
    } catch (error) {
      this.fail(source.name, error);
      return null;
    }
  }

  /** The user picked a model file on disk. */
  async useFile(file: File): Promise<void> {
    try {
      this.setStatus({ state: 'checking' });
      await this.load(await modelFromFile(file));
    } catch (error) {
      this.fail(file.name, error);
    }
  }

  /** Look again, e.g. after a download or a file chosen in the desktop app. */
  retry(): void {
    void this.ensure();
  }
}
