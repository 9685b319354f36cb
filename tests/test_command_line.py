"""What only a real `python lesson3/...` command shows: paths, stderr, exit status.

Each command starts a Python process and pays for importing TensorFlow, so
there are few of them; everything else runs in the test process. conftest.py
starts the COMMANDS below as soon as the tests are collected, one at a time
beside the other tests, and runs the tests of this module last. A whole run
as a command, with its stderr, is in test_tf3_6_tf2.py.
"""

from conftest import LESSON3

# name: (the arguments of `python`, the folder it runs in; None: a new empty one)
COMMANDS = {
    "tf3_6 with a bad flag, from elsewhere": (
        [str(LESSON3 / "tf3_6.py"), "--lr", "abc"],
        None,
    ),
}


def test_a_bad_flag_is_one_line_and_status_2(finished):
    refused = finished("tf3_6 with a bad flag, from elsewhere")
    assert refused.status == 2
    assert refused.stdout == ""
    # The line comes from lessons/cli.py: the script found lessons/ from another
    # folder, and wrote nothing there.
    assert refused.stderr.splitlines() == [
        "tf3_6.py: error: argument --lr: must be a positive, finite number, got 'abc'"
    ]
    assert list(refused.cwd.iterdir()) == []
