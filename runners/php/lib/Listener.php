<?php
declare(strict_types=1);

namespace Assay\Tester;

use PHPUnit\Framework\AssertionFailedError;
use PHPUnit\Framework\ExceptionWrapper;
use PHPUnit\Framework\Test;
use PHPUnit\Framework\TestCase;
use PHPUnit\Framework\TestFailure;
use PHPUnit\Framework\TestListener;
use PHPUnit\Framework\TestListenerDefaultImplementation;
use PHPUnit\Framework\Warning;

/**
 * PHPUnit's verdicts, reported to the harness as each test ends (its stdout, under the harness's token):
 * a failed assertion `fail`, any other exception or a warning `error`, skipped and incomplete `skip`.
 */
final class Listener implements TestListener
{
    use TestListenerDefaultImplementation;

    private const TESTS = '/work/tests/';
    private ?array $current = null;
    private int $started = 0;
    private bool $allPassed = true;

    public function __construct(private string $token, private \Closure $mark)
    {
    }

    public function startTest(Test $test): void
    {
        $this->current = null;
        $this->started = hrtime(true);
    }

    public function addError(Test $test, \Throwable $t, float $time): void
    {
        $this->record('error', $this->describe($t));
    }

    public function addWarning(Test $test, Warning $e, float $time): void
    {
        $this->record('error', 'Warning: ' . $e->getMessage());
    }

    public function addFailure(Test $test, AssertionFailedError $e, float $time): void
    {
        $this->record('fail', rtrim(TestFailure::exceptionToString($e)) . $this->location($e));
    }

    public function addIncompleteTest(Test $test, \Throwable $t, float $time): void
    {
        $this->record('skip', 'incomplete: ' . $t->getMessage());
    }

    public function addSkippedTest(Test $test, \Throwable $t, float $time): void
    {
        $this->record('skip', $t->getMessage());
    }

    public function endTest(Test $test, float $time): void
    {
        // The solution's output so far belongs to this test: the harness cuts it at the marker.
        ($this->mark)();
        [$status, $message] = $this->current ?? ['pass', null];
        $this->allPassed = $this->allPassed && $status === 'pass';
        $output = $test instanceof TestCase ? $test->getActualOutput() : '';
        $this->emit(['type' => 'test', 'test' => [
            'name' => get_class($test) . '::' . ($test instanceof TestCase ? $test->getName() : 'run'),
            'status' => $status, 'message' => $message, 'output' => $output === '' ? null : $output,
            'durationMs' => intdiv(hrtime(true) - $this->started, 1_000_000),
        ]]);
        Remote::$current->forgetThrown();
    }

    public function finish(?string $error = null, ?string $kind = null): void
    {
        $result = $error === null
            ? ['status' => $this->allPassed ? 'pass' : 'fail', 'message' => null]
            : ['status' => 'error', 'message' => $error, 'errorKind' => $kind];
        $this->emit(['type' => 'result', 'result' => $result]);
    }

    private function record(string $status, string $message): void
    {
        // The first verdict stands: a tearDown's error does not hide the assertion that failed.
        $this->current ??= [$status, $message];
    }

    /** `Class: message`, then where: in the solution (its own report) or in the tests. */
    private function describe(\Throwable $t): string
    {
        // PHPUnit wraps what a test threw; the original holds the class and where the solution threw it.
        $class = $t instanceof ExceptionWrapper ? $t->getClassName() : get_class($t);
        $t = $t instanceof ExceptionWrapper ? ($t->getOriginalException() ?? $t) : $t;
        $where = Remote::$current->where[$t] ?? null;
        $text = "$class: " . $t->getMessage();
        return $where !== null ? "$text\n  at $where" : $text . $this->location($t);
    }

    private function location(\Throwable $t): string
    {
        foreach ([['file' => $t->getFile(), 'line' => $t->getLine()], ...$t->getTrace()] as $frame) {
            if (str_starts_with($frame['file'] ?? '', self::TESTS)) {
                return "\n  at {$frame['file']}:{$frame['line']}";
            }
        }
        return '';
    }

    private function emit(array $event): void
    {
        fwrite(STDOUT, $this->token . ' ' . json_encode($event, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PRESERVE_ZERO_FRACTION) . "\n");
        fflush(STDOUT);
    }
}
