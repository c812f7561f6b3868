"""In the solution's process: while the tests stress its threads, every thread pauses at each line of the
solution's own code, so that a race between two of its lines is met in every run, not one run in five.

In one process, a switch interval of a microsecond lets threads swap at almost any call. Here the solution's
threads spend nearly all their time in the boundary's code (decoding, waiting on a socket), its own lines
are a sliver of that, and on a loaded host a thread waiting for the GIL takes milliseconds to be scheduled:
the GIL changes hands a few hundred times a second, almost never inside a window of the solution's. A real
pause (the GIL released) before each of its lines lets every other ready thread run meanwhile, whatever
the load. Only new threads are traced: the serving threads of the tests' threads started while it is on.
"""
import threading
import time

SOLUTION = "/work/solution/"
# A test that sets a switch interval below this is stressing threads (the default is 5 ms).
STRESS_BELOW_S = 1e-3
PAUSE_S = 50e-6

_on = False


def follow_switch_interval(interval):
    global _on
    _on = interval < STRESS_BELOW_S
    threading.settrace(_enter if _on else None)


def _enter(frame, _event, _arg):
    return _line if _on and frame.f_code.co_filename.startswith(SOLUTION) else None


def _line(_frame, event, _arg):
    if event == "line" and _on:
        time.sleep(PAUSE_S)
    return _line
