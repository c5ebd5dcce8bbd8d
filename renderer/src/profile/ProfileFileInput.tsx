import type { Ref } from 'react';

/**
 * The hidden file input behind every "load a profile" control. It is cleared
 * after each pick so that choosing the same file again (after fixing it) loads it again.
 */
export function ProfileFileInput({ inputRef, testId, onFile }: { inputRef: Ref<HTMLInputElement>; testId: string; onFile: (file: File | undefined) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".json,application/json"
      hidden
      data-testid={testId}
      onChange={(e) => {
        onFile(e.target.files?.[0]);
        e.target.value = '';
      }}
    />
  );
}
