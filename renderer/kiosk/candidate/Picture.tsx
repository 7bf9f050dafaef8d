import type { Visual } from '../../../src/shared/items';
import { useCandidate } from './context';

/** A package picture. Decorative to assistive technology: its control carries the name. */
export function Picture({ visual }: { visual: Visual }) {
  const { port } = useCandidate();
  return <img className="picture" src={port.assetUrl(visual.image)} alt="" draggable={false} />;
}
