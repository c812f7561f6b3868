<?php
declare(strict_types=1);

// The solution's process (runners/php/run): fd argv[1] is its end of the socketpair to the tests' process.
foreach (['Wire', 'Codec', 'Peer', 'Agent', 'Loader', 'Stubs'] as $file) {
    require __DIR__ . "/$file.php";
}
$frames = new Assay\Wire\Frames(fopen('php://fd/' . (int) $argv[1], 'r+'));
// One line on stdin: the submission is there.
fgets(STDIN);
chdir('/work');
(new Assay\Agent\Agent($frames))->start();
// The tests are over: nothing of the solution's may keep the process alive.
exit(0);
