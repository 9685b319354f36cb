"""Code shared by the lessons of "Tensorflow 笔记", written once, imported by each.

- compat: TensorFlow 1.x graph mode on today's TensorFlow 2, with the notes' log level.
- data: the simulated data set of the notes (volume and weight of 32 parts).
- bagu: the four-step template (八股) of section 3.3 that every training script follows.
- runner: runs lesson scripts in this process, each in a fresh graph.
- cli: the scripts' command-line flags, the lecture's values as defaults.
- record, plot: a training run's loss for TensorBoard (--logdir) and as a PNG (--plot).
- compare: the notes' three optimizers on one figure (`make plots`).
- backprop: the backward pass (δ recursion) and the three optimizers in NumPy.
- side_by_side: tf3_6's network trained by TensorFlow and by backprop, compared.
- graph_loop: the notes' training loop inside the graph, many steps in one sess.run.
"""
