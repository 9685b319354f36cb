"""Recording a training run for --plot and --logdir.

    with record.recording(args, sess, loss, {x: X, y_: Y}) as after_step:
        bagu.train(..., after_step=after_step)

After every step the loss on all data is computed once more: --plot draws it
(lessons.plot), --logdir writes it with the graph as TensorBoard event files.
Without either flag nothing is recorded and nothing extra is imported.

Known shortcomings: that extra sess.run each step makes a recorded run slower
than a plain one (the loss of the batch, which the step computes anyway, is not
the loss on all data the notes print). The event file grows as training runs,
as TensorFlow's writer makes it, so a killed run leaves a shorter file that
TensorBoard still reads, not a whole-or-nothing file like the PNG.
"""

import contextlib
import pathlib
import sys

from lessons import bagu, plot
from lessons.compat import tf

LOSS_TAG = "loss_on_all_data"  # the scalar's name in TensorBoard


def recording(args, sess, loss, feed_all):
    """A context giving the `after_step` to pass to bagu.train, or None."""
    if args.plot is None and args.logdir is None:
        return contextlib.nullcontext(None)
    return LossRecorder(sess, loss, feed_all, args)


class LossRecorder:
    """Takes the loss on all data after every step; saves it when training ends.

    The picture is saved when training ends normally or diverges (that curve is
    worth seeing); the event file is closed either way.
    """

    def __init__(self, sess, loss, feed_all, args):
        self.sess, self.args = sess, args
        # converted once, not by each step's sess.run (the same float32 values)
        self.feed_all = {p: bagu.as_fed(p, v) for p, v in feed_all.items()}
        self.steps, self.losses = [], []
        self.fetches = {"loss": loss}
        self.writer = None
        if args.logdir is not None:
            # The scalar's op joins the graph before the writer stores the graph.
            self.fetches["summary"] = tf.summary.scalar(LOSS_TAG, loss)
            self.writer = tf.summary.FileWriter(str(args.logdir), sess.graph)

    def __call__(self, step):
        fetched = self.sess.run(self.fetches, feed_dict=self.feed_all)
        self.steps.append(step)
        self.losses.append(float(fetched["loss"]))
        if self.writer is not None:
            self.writer.add_summary(fetched["summary"], step)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if self.writer is not None:
            self.writer.close()
            print(
                f"TensorBoard event files written to {self.args.logdir}",
                file=sys.stderr,
            )
        finished = kind is None or issubclass(kind, bagu.Diverged)
        if self.args.plot is not None and finished:
            label = bagu.optimizer_call(
                self.args.optimizer, self.args.lr, self.args.momentum
            )
            curve = plot.Curve(label, self.steps, self.losses)
            title = "%s: %d steps, %d parts a step" % (
                pathlib.Path(sys.argv[0]).name,
                self.args.steps,
                self.args.batch_size,
            )
            if error is not None:
                title += ", diverged: stopped at step %d" % error.step
            plot.save(self.args.plot, [curve], title, self.args.log_every)
            print(f"loss curve saved to {self.args.plot}", file=sys.stderr)
        return False


def read_losses(logdir):
    """The (steps, losses) of LOSS_TAG in the event files of `logdir`, by step."""
    points = {}
    for events in sorted(logdir.glob("events.out.tfevents.*")):
        for event in tf.train.summary_iterator(str(events)):
            for value in event.summary.value:
                if value.tag == LOSS_TAG:
                    points[event.step] = value.simple_value
    steps = sorted(points)
    return steps, [points[step] for step in steps]
