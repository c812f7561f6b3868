const notImplemented = () => {
  throw new Error('not implemented');
};

export const total = notImplemented;
export const evens = notImplemented;
export const counts = notImplemented;
export const pair = notImplemented;
export const apply = notImplemented;
export const later = notImplemented;
