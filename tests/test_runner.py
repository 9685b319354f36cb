"""lessons.runner runs scripts in one process and still reports each failure."""

import re

from conftest import REPO

from lessons import runner


def test_a_failing_script_fails_the_run_but_not_the_others(tmp_path, capsys):
    good, bad = tmp_path / "good.py", tmp_path / "bad.py"
    good.write_text("print('fine')\n")
    bad.write_text("import sys\nsys.exit(3)\n")
    assert runner.main([str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert "fine" in out
    assert f"FAILED: {bad} (exit status 3)" in err
    assert "1 of 2 scripts failed" in err


def test_a_crashing_script_shows_its_traceback(tmp_path, capsys):
    crash = tmp_path / "crash.py"
    crash.write_text("raise RuntimeError('boom')\n")
    assert runner.main([str(crash)]) == 1
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_each_script_gets_its_own_argv_and_graph(tmp_path, capsys):
    script = tmp_path / "show.py"
    script.write_text(
        "import sys\n"
        "from lessons.compat import tf\n"
        "print(sys.argv[1:], tf.constant(1.0).name)\n"
    )
    assert runner.run_script(script, ["--a", "1"]) == 0
    assert runner.run_script(script) == 0
    assert capsys.readouterr().out == "['--a', '1'] Const:0\n[] Const:0\n"


def test_all_passing_scripts_pass(tmp_path, capsys):
    ok = tmp_path / "ok.py"
    ok.write_text("")
    assert runner.main([str(ok), str(ok)]) == 0


def test_run_all_runs_every_lesson_script():
    """`make run-all` lists the scripts in the lecture's order; none is left out."""
    makefile = (REPO / "Makefile").read_text()
    listed = re.search(
        r"^LESSONS := \$\(addprefix lesson3/,(.*?)\)$", makefile, re.M | re.S
    )
    scripts = listed.group(1).replace("\\", " ").split()
    assert sorted(scripts) == sorted(p.name for p in (REPO / "lesson3").glob("*.py"))
    assert len(set(scripts)) == len(scripts)
