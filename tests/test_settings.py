"""The scripts that retrain tf3_6 define the notes' step-0 constants themselves,
as the lecture page does; they must stay the notes' values."""

import runpy

import pytest
from conftest import LESSON3
from lecture import SETTINGS


@pytest.mark.parametrize("script", ["tf3_6.py", "tf3_6_tf2.py"])
def test_the_notes_settings(script):
    # Not run as __main__: only the module's top level, its constants, runs.
    names = runpy.run_path(str(LESSON3 / script), run_name="settings")
    assert {name: names[name] for name in SETTINGS} == SETTINGS
