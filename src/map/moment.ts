/** The moment on the map: now part of the scene (src/scene/scene.ts); kept here for the callers that import it. */
export { headOf, mapMomentAt, wholeRoute, type MapMoment } from '../scene/scene';
