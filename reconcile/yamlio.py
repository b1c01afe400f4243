"""YAML as reconcile reads it: the safe loader, with only YAML 1.2's plain scalars.

Vocabulary lists hold words like "no", "on" and "off", which YAML 1.1 would turn into
booleans, and front matter dates are checked by reconcile itself, so neither yes/no booleans
nor timestamps are resolved here.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}


class Loader(yaml.SafeLoader):
    """The safe loader without YAML 1.1 booleans and timestamps."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))


def load_yaml(text: str) -> Any:
    """Parse YAML text (raises yaml.YAMLError on bad syntax)."""
    return yaml.load(text, Loader=Loader)  # noqa: S506 (Loader is a SafeLoader)
