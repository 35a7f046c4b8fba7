"""Rule tables: the ordered declarations every rule column is produced from.

A rule column (``blocks.rule``, ``entities.how``/``rule``, ``quotes.rule``/``speaker_rule``,
``timeline.rule``) takes its values from one :class:`RuleTable`: an ordered tuple of rules, each
carrying its name (the value written in the column), a one-line description, the function the
engine calls and one invented :class:`Example` that the table-driven tests run.  The engine walks
the table in its order; code names a rule by a module constant or looks it up in the table, never
by comparing a string literal.  A stage's rule class may add fields (a pattern, a priority, the
per-rule special cases that would otherwise be ``if rule == ...`` branches in the engine); it only
needs ``name``, ``doc`` and ``example``.

This module belongs to the base layer: every layer may import it, and it imports nothing of the
package.

Examples
--------
>>> def shout(text):
...     return text.isupper()
>>> table = RuleTable(
...     "demo.rule",
...     [Rule("shout", "every letter a capital", Example("HELLO", {"rule": "shout"}), shout)],
... )
>>> table.names, table["shout"].func("HI"), "whisper" in table
(('shout',), True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar


@dataclass(frozen=True)
class Example:
    """An invented input a rule decides, and what the stage must produce on it.

    ``expect`` holds the columns of the row the rule yields (``{"rule": ..., "text": ...}``); what
    the keys mean is the stage's own (its table-driven test reads them).
    """

    text: str
    expect: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """The minimal rule: a name for the column, what it decides, an example, the function."""

    name: str
    doc: str
    example: Example | None = None
    func: Callable[..., Any] | None = None


class NamedRule(Protocol):
    """What a table needs of a rule: a stage's own rule class may carry more fields."""

    @property
    def name(self) -> str: ...

    @property
    def doc(self) -> str: ...

    @property
    def example(self) -> Example | None: ...


R = TypeVar("R", bound=NamedRule)


class RuleTable(Generic[R]):
    """An ordered, immutable table of rules with unique names, for one rule column.

    Parameters
    ----------
    column : str
        The column its names are written in (``"quotes.rule"``).
    rules : iterable of rules
        In the order the engine tries them.
    """

    def __init__(self, column: str, rules: Iterable[R]) -> None:
        self.column = column
        self._rules: tuple[R, ...] = tuple(rules)
        self._by_name: dict[str, R] = {}
        for rule in self._rules:
            if rule.name in self._by_name:
                raise ValueError(f"{column}: rule {rule.name!r} declared twice")
            self._by_name[rule.name] = rule

    def __iter__(self) -> Iterator[R]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getitem__(self, key: int | str) -> R:
        if isinstance(key, int):
            return self._rules[key]
        try:
            return self._by_name[key]
        except KeyError:
            raise KeyError(f"{self.column}: no rule named {key!r}") from None

    def __repr__(self) -> str:
        return f"RuleTable({self.column!r}, {len(self)} rules)"

    @property
    def names(self) -> tuple[str, ...]:
        """The rule names, in order."""
        return tuple(self._by_name)

    def describe(self) -> dict[str, str]:
        """Return ``{name: description}`` in order (for documentation and the README)."""
        return {rule.name: rule.doc for rule in self._rules}

    def examples(self) -> list[tuple[str, Example]]:
        """Return ``(name, example)`` for every rule that has one, in order (for generated tests)."""
        return [(rule.name, rule.example) for rule in self._rules if rule.example is not None]
