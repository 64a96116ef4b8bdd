import { useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * Tells React Flow to re-measure a node's handles when its set of outputs changes (a route added, renamed
 * or removed), which a change of size alone would miss. Not on mount: React Flow measures new nodes itself.
 */
export function useHandlesSync(id: string, handles: readonly string[]): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const key = handles.join('\u0000');
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    updateNodeInternals(id);
  }, [id, key, updateNodeInternals]);
}
