"""One dispatch style for every renderer: a method per model node type, named after it
(`block_Paragraph`, `inline_Emph`). A node type added to the model without a rule in some renderer is
found by a test (`missing_rules`), not by a user."""

from __future__ import annotations

from collections.abc import Callable

from .. import model as m


def rule(renderer: object, kind: str, node: m.Node) -> Callable:
    """The renderer's method for `node`: `<kind>_<ClassName>`, kind being `block` or `inline`."""
    method = getattr(renderer, f"{kind}_{type(node).__name__}", None)
    if method is None:
        raise NotImplementedError(f"{type(renderer).__name__} has no rule for {type(node).__name__} as {kind}")
    return method


def missing_rules(renderer_class: type) -> list[str]:
    """The methods `renderer_class` lacks: one per concrete block and inline node type of the model."""
    wanted = [f"{kind}_{cls.__name__}" for kind, base in (("block", m.Block), ("inline", m.Inline))
              for cls in _concrete(base)]
    return [name for name in wanted if not callable(getattr(renderer_class, name, None))]


def _concrete(base: type) -> list[type]:
    """The node classes of the model under `base` (`dataclass(slots=True)` leaves its first draft of
    each class among the subclasses: only the classes the model module holds count)."""
    found = []
    for cls in base.__subclasses__():
        if vars(m).get(cls.__name__) is cls and "__dataclass_fields__" in vars(cls):
            found.append(cls)
        found.extend(_concrete(cls))
    return list(dict.fromkeys(found))
