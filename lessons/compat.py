"""TensorFlow 1.x, as the notes use it, on today's TensorFlow 2.

Import `tf` from here instead of `import tensorflow as tf`: it is
`tensorflow.compat.v1` with eager execution switched off, so placeholders,
`tf.Session()` and `tf.global_variables_initializer()` work as in the notes.
"""

import contextlib
import gc
import logging
import os
import sys

# The notes (3.1, 注②) silence TensorFlow's warnings with TF_CPP_MIN_LOG_LEVEL=2.
# A level the student has set in the environment wins over this default.
NOTES_LOG_LEVEL = "2"

# TF_CPP_MIN_LOG_LEVEL -> the level of TensorFlow's Python logger that hides the same.
_PYTHON_LOG_LEVELS = {
    "0": logging.INFO,
    "1": logging.WARNING,
    "2": logging.ERROR,
    "3": logging.CRITICAL,
}


def default_log_level(environ):
    """Set the notes' TF_CPP_MIN_LOG_LEVEL in `environ` unless it is already set."""
    environ.setdefault("TF_CPP_MIN_LOG_LEVEL", NOTES_LOG_LEVEL)
    return environ["TF_CPP_MIN_LOG_LEVEL"]


_level = default_log_level(os.environ)  # must happen before TensorFlow is imported

# TensorFlow imports Keras while it starts (over a second on a small machine),
# to register Keras' optimizers for SavedModel; the lessons in graph mode never
# use Keras. Hidden during the import, it is not loaded; tf.keras still loads
# it on first use.
_hide_keras = "keras" not in sys.modules
if _hide_keras:
    sys.modules["keras"] = None
try:
    import tensorflow as _tf2  # noqa: E402
finally:
    if _hide_keras and sys.modules.get("keras", False) is None:
        del sys.modules["keras"]

# The import leaves some 300,000 objects that live as long as the process; frozen,
# they are left out of every garbage collection, which spares most of the second
# Python spends collecting when it exits.
gc.freeze()

_tf2.get_logger().setLevel(_PYTHON_LOG_LEVELS.get(_level, logging.WARNING))

tf = _tf2.compat.v1
tf.disable_eager_execution()


def eager_mode():
    """A context in which TensorFlow runs eagerly again: TensorFlow 2's own style.

    Importing this module switched eager execution off for the whole process.
    tf.compat.v1.enable_eager_execution() cannot give it back to one script:
    it is process-wide (the graph-mode scripts run after it by lessons.runner
    would break) and it refuses once the default graph exists. This context
    switches eager execution on only for the code inside it.
    """
    # The public API has no such context; tf.__internal__ is what TensorFlow
    # exports for Keras, without the public API's promise of stability. The
    # tests run tf3_6_tf2 through it, so a TensorFlow that moves it fails them.
    return _tf2.__internal__.eager_context.eager_mode()


def session_config():
    """The configuration every lesson's `tf.Session` uses.

    A lesson graph is a handful of tiny ops: running them in the calling thread
    (inter_op_parallelism_threads=-1) is faster than handing each one to a
    thread pool. Soft placement lets a graph pinned to a GPU keep the few ops
    that have no GPU kernel on the CPU.
    """
    return tf.ConfigProto(inter_op_parallelism_threads=-1, allow_soft_placement=True)


def gpu_available():
    """True when TensorFlow sees at least one GPU."""
    return bool(_tf2.config.list_physical_devices("GPU"))


def device_scope(device):
    """A context that places the graph built inside it on `device`.

    `device` is "cpu", "gpu" or None (TensorFlow's own choice: the GPU when
    there is one).
    """
    if device is None:
        return contextlib.nullcontext()
    return tf.device({"cpu": "/CPU:0", "gpu": "/GPU:0"}[device])
