/**
 * A Python module with the starter's declared names and none of its code: each top-level function and
 * each method of each top-level class calls `_cheat` (which the caller's prelude defines), and the
 * module's own `__getattr__` answers any other name the same way. Exception classes stay exceptions,
 * so `pytest.raises(TheirError)` still loads.
 */
export function pythonSkeleton(source: string, prelude: string): string {
  const out = [prelude.trim(), ''];
  let inClass = false;
  for (const line of source.split('\n')) {
    const fn = /^(?:async\s+)?def\s+(\w+)\s*\(/.exec(line);
    const cls = /^class\s+(\w+)\s*(?:\(([^)]*)\))?\s*:/.exec(line);
    const method = /^\s+(?:async\s+)?def\s+(\w+)\s*\(/.exec(line);
    if (fn) {
      inClass = false;
      if (fn[1] !== '__getattr__') out.push(`def ${fn[1]}(*args, **kwargs):`, '    return _cheat(*args, **kwargs)', '');
    } else if (cls) {
      inClass = true;
      const exception = /Exception|Error|Warning/.test(cls[2] ?? '');
      out.push(`class ${cls[1]}(${exception ? 'Exception' : ''}):`);
      if (!exception) out.push('    def __init__(self, *args, **kwargs):', '        _cheat(*args, **kwargs)', '    def __getattr__(self, name):', '        return _cheat(name)');
      out.push('    pass');
    } else if (method && inClass && !['__init__', '__getattr__'].includes(method[1]!)) {
      out.push(`    def ${method[1]}(self, *args, **kwargs):`, '        return _cheat(*args, **kwargs)');
    } else if (/^\S/.test(line) && !line.startsWith('#') && !line.startsWith('@')) inClass = false;
  }
  out.push('', 'def __getattr__(name):', "    if name.startswith('__'):", '        raise AttributeError(name)', '    return _cheat', '');
  return out.join('\n');
}
