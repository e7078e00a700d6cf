"""Textual's footer, its keys composed once and then only updated where they changed.

Textual's ``Footer`` removes and mounts all its keys on every change of the screen's bindings (a
focus change, a screen resumed or pushed, a reactive that refreshes bindings): three times
(~19 ms each) as Home opened, before Home's lists could be painted (traced in a pty), and again
each time a screen came back (1,136 keys mounted in one test file). The keys shown rarely change;
mostly nothing does, or a key is enabled or disabled. So the footer keeps a plain description of
what it shows (``_plan``, the same keys in the same order as Textual's ``compose``): when only
which keys are enabled (or their tooltips) changed, those keys are updated where they are; only a
change in which keys show recomposes.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import NamedTuple

from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


class Key(NamedTuple):
    """One key as shown: what it looks like (``look``) and its state (``enabled``, ``tooltip``)."""

    key: str
    display: str
    description: str
    action: str
    classes: str
    enabled: bool
    tooltip: str

    @property
    def look(self) -> tuple[str, str, str, str, str]:
        return self[:5]


class Footer(TextualFooter):
    def __init__(self, *args, hold: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held = hold  # keys wait until ``release`` (Home paints its lists first)
        self._pending = False
        self._shown: tuple | None = None  # the look of the keys composed, in ``_plan``'s shape
        self._keys: list[tuple[FooterKey, Key]] = []  # each key composed, with what it shows

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending:
            self._pending = True
            if not self._held:
                self.call_after_refresh(self._update_keys)

    def release(self) -> None:
        self._held = False
        if self._pending:  # from the footer's own queue: its keys bind to it as they compose
            self.call_later(self.call_after_refresh, self._update_keys)

    async def _update_keys(self) -> None:
        self._pending = False  # a change from now on asks again
        if not self.is_attached:
            return
        plan = self._plan()
        if self._shown is not None and _look(plan) == self._shown:
            keys = _keys(plan)
            for (widget, old), new in zip(self._keys, keys, strict=True):
                if old != new:
                    _set_state(widget, new)
            self._keys = [(widget, key) for (widget, _), key in zip(self._keys, keys, strict=True)]
            return
        await self.recompose()

    def _plan(self) -> tuple:
        """What Textual's ``compose`` shows, as data: ``("key", Key)``, ``("group", description,
        compact, keys)`` for a group of keys shown together, then the command palette's key."""
        active = self.screen.active_bindings
        by_action: defaultdict[str, list] = defaultdict(list)
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        display = self.app.get_key_display
        plan: list[tuple] = []
        for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
            runs = list(runs)
            if group is not None and len(runs) > 1:
                keys = tuple(
                    Key(b.key, display(b), "", b.action, "-grouped", e, t or b.description)
                    for b, e, t in (run[0] for run in runs)
                )
                plan.append(("group", group.description, group.compact, keys))
            else:
                for binding, enabled, tooltip in (run[0] for run in runs):
                    plan.append(
                        (
                            "key",
                            Key(
                                binding.key,
                                display(binding),
                                binding.description,
                                binding.action,
                                "",
                                enabled,
                                tooltip,
                            ),
                        )
                    )
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                key = Key(
                    binding.key,
                    display(binding),
                    binding.description,
                    binding.action,
                    "-command-palette",
                    enabled,
                    binding.tooltip or binding.description,
                )
                plan.append(("palette", key))
        return tuple(plan)

    def compose(self):
        """As Textual's ``compose``, from ``_plan``; remembers what it built."""
        self._shown = None
        self._keys = []
        if not self._bindings_ready:
            return
        plan = self._plan()
        self.styles.grid_size_columns = sum(
            len(item[3]) if item[0] == "group" else 1 for item in plan if item[0] != "palette"
        )
        for item in plan:
            if item[0] == "group":
                _kind, description, compact, keys = item
                with KeyGroup(classes="-compact" if compact else ""):
                    for key in keys:
                        yield self._key(key).data_bind(compact=TextualFooter.compact)
                yield FooterLabel(description)
            elif item[0] == "key":
                yield self._key(item[1]).data_bind(compact=TextualFooter.compact)
            else:
                yield self._key(item[1])  # the palette's key is not compact (as in Textual)
        self._shown = _look(plan)

    def _key(self, key: Key) -> FooterKey:
        widget = FooterKey(
            key.key,
            key.display,
            key.description,
            key.action,
            disabled=not key.enabled,
            tooltip=key.tooltip,
            classes=key.classes,
        )
        self._keys.append((widget, key))
        return widget


def _keys(plan: tuple) -> list[Key]:
    """Every key of a plan, in the order they are composed."""
    keys: list[Key] = []
    for item in plan:
        if item[0] == "group":
            keys.extend(item[3])
        else:
            keys.append(item[1])
    return keys


def _look(plan: tuple) -> tuple:
    """The plan without the keys' state: what a recompose would change."""
    return tuple(
        (item[0], item[1], item[2], tuple(k.look for k in item[3]))
        if item[0] == "group"
        else (item[0], item[1].look)
        for item in plan
    )


def _set_state(widget: FooterKey, key: Key) -> None:
    """A key enabled or disabled, its tooltip, as ``FooterKey.__init__`` sets them."""
    widget._disabled = not key.enabled
    widget.set_class(not key.enabled, "-disabled")
    widget.tooltip = key.tooltip or None
