"""YAML read with limits: a safe loader that refuses alias bombs and deep nesting.

A few lines of anchors and aliases ("billion laughs") expand into billions of
nodes once anything walks the data, and a file nested thousands deep exhausts
the stack. `load` composes the document first, measures it with every alias
expanded (memoised, so the measuring itself stays cheap), and only then builds
the Python objects. Anchors used the ordinary way (a shared mapping of codes)
stay far below the limits.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Far above any dataset or Open SDG file we know (the Brainport dataset's largest
# file expands to some tens of thousands of nodes), far below what hurts a server.
MAX_NODES = 1_000_000
MAX_DEPTH = 100


class YamlLimitError(yaml.YAMLError):
    """The document is too large with its aliases expanded, or nested too deep."""


def load(text: str) -> Any:
    """The document in `text`, as `yaml.safe_load` would give it, within the limits."""
    loader = _LOADER(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlLimitError(f"nested deeper than {MAX_DEPTH} levels") from None
        if node is None:
            return None
        _measure(node, {}, 0)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _measure(node: yaml.Node, sizes: dict[int, int], depth: int) -> int:
    """The number of nodes under `node` with aliases expanded; raises over the limits."""
    if id(node) in sizes:
        return sizes[id(node)]
    if depth > MAX_DEPTH:
        raise YamlLimitError(f"nested deeper than {MAX_DEPTH} levels")
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_measure(child, sizes, depth + 1) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            size += _measure(key, sizes, depth + 1) + _measure(value, sizes, depth + 1)
    if size > MAX_NODES:
        raise YamlLimitError(
            f"more than {MAX_NODES:,} values with its aliases expanded (an alias bomb?)"
        )
    sizes[id(node)] = size
    return size
