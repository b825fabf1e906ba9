import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/tokens/token-worker-client.ts';

describe('the Node options the token worker is started with', () => {
  it('drops V8 and process-wide options, which a worker refuses to start with', () => {
    expect(workerExecArgv(['--max-old-space-size=4096', '--trace-gc', '--title=mock', '--stack-size=2000'])).toEqual([]);
  });

  it('drops --input-type, joined or with its value apart', () => {
    expect(workerExecArgv(['--input-type=module', '--input-type', 'module'])).toEqual([]);
  });

  it('keeps module hooks and conditions, with their values joined or apart', () => {
    expect(workerExecArgv(['--import', 'tsx', '--max-old-space-size=512', '-r', './setup.cjs', '--conditions=dev', '--loader', 'ts-node/esm']))
      .toEqual(['--import', 'tsx', '-r', './setup.cjs', '--conditions=dev', '--loader', 'ts-node/esm']);
  });

  it('keeps warning and source-map options', () => {
    expect(workerExecArgv(['--no-warnings', '--enable-source-maps', '--disable-warning=ExperimentalWarning'])).toEqual(['--no-warnings', '--enable-source-maps', '--disable-warning=ExperimentalWarning']);
  });
});
