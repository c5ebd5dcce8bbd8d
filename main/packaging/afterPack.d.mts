/** Types for afterPack.mjs, so tests can check the fuses it sets. */
export interface PackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
export declare const STEADY_FUSES: Record<number, boolean>;
export declare function electronBinaryPath(context: PackContextLike): string;
export default function afterPack(context: PackContextLike): Promise<void>;
