"""The commands of `reportgen`, one module per kind of work; `cli.py` gathers them. Each only parses
its options and drives the pipeline; heavy libraries are imported inside the commands."""
