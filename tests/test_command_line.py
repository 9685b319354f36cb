"""What only a real `python lesson3/...` command shows: paths, stderr, exit status.

Each command starts a Python process and pays for importing TensorFlow, so
there are few of them; everything else runs in the test process (test_cli.py
checks the flags, exit statuses and error lines there). conftest.py starts the
COMMANDS below as soon as the tests are collected, one at a time beside the
other tests, and runs the tests of this module last. `make run-all`'s way, as
a command, is in test_tf3_6_tf2.py.
"""

from conftest import LESSON3, run_lesson

# name: (the arguments of `python`, the folder it runs in; None: a new empty one)
COMMANDS = {
    "tf3_5 from elsewhere": ([str(LESSON3 / "tf3_5.py")], None),
}


def test_runs_from_another_folder(finished):
    run = finished("tf3_5 from elsewhere")
    assert run.status == 0, run.stderr
    # the script finds lessons/ from there, and prints what it prints in the
    # test process, in a fresh graph
    assert run.stdout == run_lesson("tf3_5.py").stdout
    # With the notes' log level TensorFlow has nothing to say.
    assert run.stderr == ""
    assert list(run.cwd.iterdir()) == []  # nothing written where it ran
