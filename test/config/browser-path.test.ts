import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/browser';

describe('the browser for browser tests', () => {
  it('given CHROMIUM_PATH naming an executable then that one is used', () => {
    expect(chromiumPath({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
  it('given CHROMIUM_PATH naming nothing runnable then it says so instead of falling back', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow('CHROMIUM_PATH=/nowhere/chromium is not an executable file');
  });
  it('given no CHROMIUM_PATH then one of the usual places is found (the browser tests need one)', () => {
    expect(chromiumPath({})).toMatch(/^\/usr\/bin\/(chromium|chromium-browser|google-chrome|google-chrome-stable)$/);
  });
});
