/** The package version, read from package.json next to the sources or the build (`dist/src/cli`). */
import { packageRoot } from '../package-root.js';

export function readVersion(moduleUrl: string = import.meta.url): string {
  return packageRoot(moduleUrl)?.version ?? '0.0.0';
}
