"""`python -m reconcile`: the command line, for where the `reconcile` script is not on PATH."""

from .cli import main

main(prog_name="reconcile")
