import { describe, expect, test } from 'vitest';
import { afterOpenRefused, chooseRoute } from '../../../domain/reach/reachability';

const address = { teamsId: '29:x', tenantId: 't', serviceUrl: 'https://smba.example/' };

describe('how a proactive message finds a person', () => {
  test('given a stored 1:1 chat then that chat, whatever else is known', () => {
    expect(chooseRoute({ hasChat: true, roster: address, install: { tenantId: 't' } })).toEqual({ via: 'chat' });
  });

  test('given no chat but a roster row then a chat is opened from the roster, before a person seen in a turn', () => {
    expect(chooseRoute({ hasChat: false, roster: address, seen: { ...address, teamsId: '29:old' } })).toEqual({ via: 'open', ...address, from: 'roster' });
    expect(chooseRoute({ hasChat: false, seen: address })).toEqual({ via: 'open', ...address, from: 'turn' });
  });

  test('given nobody knows the person then Graph installs when configured, else not reachable: no app', () => {
    expect(chooseRoute({ hasChat: false, install: { tenantId: 't' } })).toEqual({ via: 'install', tenantId: 't' });
    expect(chooseRoute({ hasChat: false })).toEqual({ via: 'none', reason: 'NoApp' });
  });

  test('given Teams refused to open the chat then install when configured, else not reachable', () => {
    expect(afterOpenRefused({ install: { tenantId: 't' } })).toEqual({ via: 'install', tenantId: 't' });
    expect(afterOpenRefused({})).toEqual({ via: 'none', reason: 'NoApp' });
  });
});
