# Every target creates the virtual environment .venv/ from requirements.txt when it
# is missing or older than requirements.txt. For TensorFlow's CUDA build, use
# another environment: make test VENV=.venv-gpu REQUIREMENTS=requirements-gpu.txt

PYTHON ?= python3
VENV ?= .venv
REQUIREMENTS ?= requirements.txt
PY := $(VENV)/bin/python
# The lecture's order: 3.1, 3.2, 3.3, then the scripts that go beyond the notes.
LESSONS := $(addprefix lesson3/,tf3_tensors.py tf3_1.py tf3_2.py tf3_params.py \
  tf3_figure.py tf3_3.py tf3_4.py tf3_5.py tf3_6.py tf3_6_tf2.py backprop_by_hand.py)
PLOTS ?= out/plots
LOGDIR ?= out/tensorboard
PORT ?= 6006

.PHONY: all venv run-all plots tensorboard test bench lint format clean

all: run-all test

venv: $(VENV)/installed.stamp

# TensorFlow 2.21 and numpy 2.4 publish packages for Python 3.11 to 3.13 only.
$(VENV)/installed.stamp: $(REQUIREMENTS)
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' \
	  || { echo "error: $(PYTHON) is not Python 3.11 to 3.13; run make PYTHON=python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r $(REQUIREMENTS)
	touch $@

# One Python process runs every lesson script, each in a fresh graph, so the
# TensorFlow import is paid once; it still fails if any script fails.
run-all: venv
	$(PY) -m lessons.runner $(LESSONS)

# tf3_6 once per optimizer (gd, momentum, adam), in one Python process: the three
# loss curves on one figure, $(PLOTS)/optimizers.png, and the three runs' event
# files under $(LOGDIR) for `make tensorboard`.
plots: venv
	$(PY) -m lessons.compare --plots $(PLOTS) --logdir $(LOGDIR)

# TensorBoard for the event files of `make plots` or of tf3_6.py --logdir, on
# this machine only: open http://127.0.0.1:$(PORT)/ and stop it with Ctrl-C.
# --samples_per_plugin scalars=0 keeps every step; by default TensorBoard shows
# a random 1000 of the 3000, which can leave out the steps the notes print.
tensorboard: venv
	mkdir -p $(LOGDIR)
	$(VENV)/bin/tensorboard --logdir $(LOGDIR) --host 127.0.0.1 --port $(PORT) \
	  --samples_per_plugin scalars=0

test: venv
	$(PY) -m pytest -q

# Times what a student waits beside its floor (the bare TensorFlow import, an
# empty sess.run, NumPy) and prints one table; a few minutes. More runs each:
# make bench BENCH_ARGS="--repeats 5 --loop-repeats 9"
bench: venv
	$(PY) bench/bench.py $(BENCH_ARGS)

lint: venv
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

format: venv
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
