// Jest global setup: the HTML writer inlines the viewer bundle (dist/viewer/), which `npm test`
// must not require a prior `npm run build` for; esbuild makes it in about a second when stale.
import { buildViewer } from '../../scripts/build-viewer.mjs';

export default async function globalSetup() {
  await buildViewer({ ifStale: true });
}
