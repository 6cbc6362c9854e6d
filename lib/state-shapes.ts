// The 50 states and DC as SVG paths, for maps drawn on the server: us-atlas's TopoJSON (U.S.
// Census Bureau boundaries, already projected for a 975 × 610 map, each shape keyed by its FIPS
// code) through topojson-client and d3-geo. Whole-pixel coordinates keep the paths small: every
// state together is about 24 kB gzipped.
import 'server-only';
import { geoPath } from 'd3-geo';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-albers-10m.json';

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

const topology = states as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;

let shapes: Map<string, string> | null = null;
let bordering: Map<string, string[]> | null = null;

/** The SVG path of each state, by FIPS code. */
export function stateShapes(): Map<string, string> {
  if (shapes) return shapes;
  const path = geoPath().digits(0);
  shapes = new Map(feature(topology, topology.objects.states).features.map((state) => [String(state.id), path(state) ?? '']));
  return shapes;
}

/** The FIPS codes of the states that share a border with each state (none for Alaska and Hawaii). */
export function stateNeighbours(): Map<string, string[]> {
  if (bordering) return bordering;
  const geometries = topology.objects.states.geometries;
  const fipsOf = (index: number) => String(geometries[index]!.id);
  bordering = new Map(neighbors(geometries).map((indexes, index) => [fipsOf(index), indexes.map(fipsOf)]));
  return bordering;
}
