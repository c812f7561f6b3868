// Properties a test framework calls on a value to decide an assertion by itself: Jest's expect asks
// `asymmetricMatch` of either side of an equality (expect.any…), so a received value that had one would
// decide its own comparison. In the tests' process a value of the solution never has them: the key is
// left out of its plain objects and is absent on its handles (codec.js, remoteHandles.js).
const DECIDING = new Set(['asymmetricMatch']);

export const isDecidingKey = (key) => DECIDING.has(key);
