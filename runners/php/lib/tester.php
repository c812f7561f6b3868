<?php
declare(strict_types=1);

// The tests' process (runners/php/run), as the tester user: PHPUnit over /work/tests, the solution reached
// through the boundary (Assay\Tester\Remote) on fd argv[1]. Started before the submission arrives, so
// PHPUnit is loaded while a warm container waits.
require '/usr/share/php/PHPUnit/Autoload.php';
foreach (['Wire', 'Codec', 'Peer', 'Remote', 'Proxy', 'StandIns', 'Api', 'Listener', 'StrictBool'] as $file) {
    require __DIR__ . "/$file.php";
}
foreach ([PHPUnit\Framework\TestCase::class, PHPUnit\Framework\TestSuite::class, PHPUnit\Framework\TestResult::class,
          PHPUnit\Framework\Constraint\IsEqual::class, PHPUnit\Framework\Constraint\IsIdentical::class,
          SebastianBergmann\Comparator\Factory::class, PHPUnit\Framework\TestFailure::class] as $class) {
    class_exists($class);
}

SebastianBergmann\Comparator\Factory::getInstance()->register(new Assay\Tester\StrictBool());

const TESTS = '/work/tests';

function test_files(string $root): array
{
    $files = [];
    foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS)) as $file) {
        if ($file->isFile() && str_ends_with($file->getFilename(), 'Test.php')) {
            $files[] = $file->getPathname();
        }
    }
    sort($files, SORT_STRING);
    return $files;
}

$frames = new Assay\Wire\Frames(fopen('php://fd/' . (int) $argv[1], 'r+'));
$start = json_decode(fgets(STDIN), true, 4, JSON_THROW_ON_ERROR);
$remote = new Assay\Tester\Remote($frames);
$marker = $start['marker'];
$listener = new Assay\Tester\Listener($start['token'], function () use ($remote, $marker) {
    try {
        $remote->peer->request('mark', ['s' => $marker]);
    } catch (Throwable) {
        // The solution's process is gone: nothing more of its output to cut.
    }
});
chdir(TESTS);
try {
    $frame = $frames->receive();
    $hello = $frame instanceof stdClass && ($frame->hello ?? null) instanceof stdClass ? get_object_vars($frame->hello) : null;
    if (!is_array($hello) || count($hello) !== 1) {
        $listener->finish("the solution's process ended before it loaded the solution (see the log)", 'load');
    } elseif (is_string($hello['compile'] ?? null)) {
        $listener->finish($hello['compile'], 'compile');
    } elseif (is_string($hello['load'] ?? null)) {
        $listener->finish("the solution could not be loaded: {$hello['load']}", 'load');
    } else {
        new Assay\Tester\StandIns($remote, Assay\Tester\Api::check($hello['api'] ?? null, $remote->peer->codec));
        $suite = new PHPUnit\Framework\TestSuite('assay');
        foreach (test_files(TESTS) as $file) {
            try {
                $suite->addTestFile($file);
            } catch (Throwable $e) {
                $listener->finish('tests/' . substr($file, strlen(TESTS) + 1) . ' could not be loaded: ' . get_class($e) . ': ' . $e->getMessage(), 'load');
                exit(0);
            }
        }
        $result = new PHPUnit\Framework\TestResult();
        $result->addListener($listener);
        $suite->run($result);
        $listener->finish();
    }
} catch (Throwable $e) {
    $listener->finish('the test run crashed: ' . get_class($e) . ': ' . $e->getMessage());
}
exit(0);
