"""YAML as reconcile reads it: the safe loader, with only YAML 1.2's plain scalars.

Vocabulary lists hold words like "no", "on" and "off", which YAML 1.1 would turn into
booleans, and front matter dates are checked by reconcile itself, so neither yes/no booleans
nor timestamps are resolved here. A key given twice in one mapping is an error, not the
second silently replacing the first.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}


class Loader(yaml.SafeLoader):
    """The safe loader without YAML 1.1 booleans and timestamps, refusing duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """The mapping of a node; a key it holds twice is an error at the second."""
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)  # type: ignore[no-untyped-call]
            if not isinstance(key, (str, int, float, bool)):
                continue
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark, f"found the key {key!r} twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))


def load_yaml(text: str) -> Any:
    """Parse YAML text (raises yaml.YAMLError on bad syntax)."""
    return yaml.load(text, Loader=Loader)  # noqa: S506 (Loader is a SafeLoader)
