import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the browser has painted it. A page renders what the user came to do first
 * (the plan's editor) and the cards around it (comments, files, versions, timeline) a frame later, so their rendering
 * and their reads do not hold back the moment the editor can be typed in.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // The callback runs just before the next paint; the timeout puts the update just after it.
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}
