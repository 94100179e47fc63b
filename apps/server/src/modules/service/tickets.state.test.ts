import { TICKET_STATUSES } from '@sales/core';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../platform/errors/errors.ts';
import { assertAction, closeBlockers, TICKET_ACTIONS, type TicketAction, workingStatus } from './tickets.state.ts';

/** The ticket state table, exhaustively: every action from every status (SPEC 4.1). */
describe('ticket state table', () => {
  const allowed: Record<TicketAction, string[]> = {
    assign: ['new', 'assigned', 'in_progress', 'waiting'],
    reply: ['new', 'assigned', 'in_progress', 'waiting', 'resolved'],
    wait: ['new', 'assigned', 'in_progress'],
    resume: ['waiting'],
    priority: ['new', 'assigned', 'in_progress', 'waiting', 'resolved'],
    resolve: ['assigned', 'in_progress', 'waiting'],
    visit: ['assigned', 'in_progress', 'waiting', 'resolved'],
    part: ['assigned', 'in_progress', 'waiting', 'resolved'],
    charge: ['assigned', 'in_progress', 'waiting', 'resolved'],
    check: ['assigned', 'in_progress', 'waiting', 'resolved'],
    sign: ['resolved'],
    confirm: ['resolved'],
    reopen: ['resolved', 'closed'],
  };

  it('lists every action', () => {
    expect(Object.keys(TICKET_ACTIONS).sort()).toEqual(Object.keys(allowed).sort());
  });

  for (const action of Object.keys(allowed) as TicketAction[])
    for (const status of TICKET_STATUSES)
      it(`${action} from ${status}: ${allowed[action].includes(status) ? 'allowed' : '409'}`, () => {
        if (allowed[action].includes(status)) expect(() => assertAction(action, status)).not.toThrow();
        else expect(() => assertAction(action, status)).toThrow(ConflictError);
      });

  it('a closed ticket takes nothing but a reopen', () => {
    const fromClosed = (Object.keys(TICKET_ACTIONS) as TicketAction[]).filter((a) =>
      (TICKET_ACTIONS[a] as readonly string[]).includes('closed'),
    );
    expect(fromClosed).toEqual(['reopen']);
  });

  it('work restarts with the engineer, answered or not', () => {
    expect(workingStatus({ engineerId: null, firstResponseAt: null })).toBe('new');
    expect(workingStatus({ engineerId: 3, firstResponseAt: null })).toBe('assigned');
    expect(workingStatus({ engineerId: 3, firstResponseAt: new Date() })).toBe('in_progress');
  });
});

describe('what closing needs', () => {
  const at = new Date();
  it('every ticket: the signed report; an installation also training and the manual', () => {
    for (const type of ['repair', 'training', 'maintenance', 'consultation', 'onsite', 'parts']) {
      expect(closeBlockers({ type, reportSignedAt: null, trainingDoneAt: null, manualHandedAt: null })).toEqual([
        'report',
      ]);
      expect(closeBlockers({ type, reportSignedAt: at, trainingDoneAt: null, manualHandedAt: null })).toEqual([]);
    }
    const inst = { type: 'installation', reportSignedAt: null, trainingDoneAt: null, manualHandedAt: null };
    expect(closeBlockers(inst)).toEqual(['report', 'training', 'manual']);
    expect(closeBlockers({ ...inst, reportSignedAt: at, trainingDoneAt: at })).toEqual(['manual']);
    expect(closeBlockers({ ...inst, reportSignedAt: at, trainingDoneAt: at, manualHandedAt: at })).toEqual([]);
  });
});
