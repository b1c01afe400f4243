"""Errors reconcile reports to its user as one short line (the CLI turns them into exit code 2)."""


class ReconcileError(Exception):
    """Base of every error that is the input's fault, not a bug."""


class InputError(ReconcileError):
    """A source could not be read or its metadata is malformed."""


class RuleError(ReconcileError):
    """A rule file is missing, unreadable or malformed."""
