/** What every autosaving page does about the network (the applicant's editor, the judge's scoring screen). */
import { useEffect } from 'react';

/**
 * Back online — or every 5 s while still offline — sends what waited; leaving the page sends
 * what is pending at once. `pending`: whether there are unsaved changes.
 */
export function useAutosaveRetry(save: () => Promise<unknown>, pending: () => boolean, offline: boolean): void {
  useEffect(() => {
    const retry = () => pending() && void save();
    window.addEventListener('online', retry);
    const every = window.setInterval(() => offline && retry(), 5000);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(every);
    };
  }, [save, pending, offline]);

  useEffect(() => () => void save(), [save]);
}
