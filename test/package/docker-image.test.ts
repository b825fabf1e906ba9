// Builds the Dockerfile and runs the image where a Docker daemon answers; elsewhere it is skipped and says why.
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Why Docker cannot be used here, or undefined when it can. */
function dockerAbsence(): string | undefined {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 20_000 });
    return undefined;
  } catch (err) {
    const { code, stderr } = err as { code?: string; stderr?: Buffer };
    if (code === 'ENOENT') return 'no docker command on PATH';
    return `the Docker daemon does not answer (${String(stderr ?? err).trim().split('\n').at(-1)})`;
  }
}

const absence = dockerAbsence();
if (absence !== undefined) console.warn(`docker-image.test.ts skipped: ${absence}`);

describe.skipIf(absence !== undefined)('the Docker image', () => {
  it('builds, runs as a non-root user, answers /v1/models on the published port and reports healthy', async () => {
    const tag = `moonshot-mock-test:${process.pid}`;
    let container: string | undefined;
    try {
      await exec('docker', ['build', '-t', tag, '.'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      const { stdout: user } = await exec('docker', ['image', 'inspect', '--format', '{{.Config.User}}', tag]);
      expect(user.trim()).toBe('node');
      container = (await exec('docker', ['run', '-d', '-p', '127.0.0.1::4000', tag])).stdout.trim();
      const { stdout: port } = await exec('docker', ['port', container, '4000/tcp']);
      const address = port.trim().split('\n')[0]!;
      let status = 0;
      for (let attempt = 0; attempt < 60 && status !== 200; attempt++) {
        status = await fetch(`http://${address}/v1/models`, { headers: { Authorization: 'Bearer k' } }).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 1000)); // a real container start: no fake clock reaches it
      }
      expect(status).toBe(200);
      let health = '';
      for (let attempt = 0; attempt < 60 && health !== 'healthy'; attempt++) {
        health = (await exec('docker', ['inspect', '--format', '{{.State.Health.Status}}', container])).stdout.trim();
        if (health !== 'healthy') await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      expect(health).toBe('healthy');
    } finally {
      if (container !== undefined) await exec('docker', ['rm', '-f', container]).catch(() => {});
      await exec('docker', ['rmi', '-f', tag]).catch(() => {});
    }
  }, 900_000);
});
