import { browser } from './browser';

/** Timers that survive the worker being stopped. Chrome runs an alarm no sooner than 30 s from now. */
export function scheduleAlarm(name: string, when: number): Promise<void> {
  return browser.alarms.create(name, { when: Math.max(when, Date.now() + 1000) }) as unknown as Promise<void>;
}

export function scheduleRepeating(name: string, periodInMinutes: number): void {
  void browser.alarms.create(name, { periodInMinutes });
}

export function clearAlarm(name: string): Promise<boolean> {
  return browser.alarms.clear(name);
}

/** Register at top level: Chrome wakes the worker for the alarm and delivers it to this listener. */
export function onAlarm(name: string, fn: () => Promise<unknown>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) fn().catch((e: unknown) => console.error(`Consentry: alarm ${name} failed`, e));
  });
}
