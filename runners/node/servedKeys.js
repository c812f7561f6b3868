// What the solution's process may read or change on an object a test lent it: the object's own
// properties and its class's methods, never a constructor or anything of a builtin prototype (from
// which `Function` would compile code in the tests' process).
const BUILTIN_PROTOTYPES = new Set([Object, Function, Array, Map, Set, Promise, Date, Error, RegExp].map((cls) => cls.prototype));
const NEVER = new Set(['constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

export function servedKey(target, key) {
  if (NEVER.has(key)) return false;
  for (let object = target; object !== null; object = Object.getPrototypeOf(object)) {
    if (BUILTIN_PROTOTYPES.has(object)) return false;
    if (Object.hasOwn(object, key)) return true;
  }
  return false;
}
