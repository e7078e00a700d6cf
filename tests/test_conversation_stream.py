"""The conversation widget: a streamed reply ends exactly as a one-shot render, widgets stay few."""

from __future__ import annotations

import random

from textual.app import App

from coach.tui.widgets.conversation import MARKDOWN_WINDOW, Conversation

BLOCKS = [
    "Para with **bold**, *em* and `code`.",
    "A longer paragraph that wraps across the width of the terminal because it keeps going "
    "and going about customers, support tickets and the export that broke on Monday.",
    "- item\n- another item\n  - nested item",
    "1. first\n2. second\n\n3. loose third",
    "```python\ndef f():\n\n    return 1\n```",
    "~~~\nplain fence\n~~~",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "# Heading",
    "### Small heading",
    "---",
    "> a quote\n> that continues",
    "    indented code",
    "[@click=app.quit]quit[/] and [bold]not bold[/bold]",
    "See [the docs](http://example.invalid) and <b>html</b>.",
    "- item\n\n  ```\n  fenced in a list\n\n  still fenced\n  ```",
    "Text with a reference [docs][d].\n\n[d]: http://example.invalid",
]


class One(App):
    def compose(self):
        yield Conversation(id="conversation")


def lines_text(strips) -> list[str]:
    return [strip.text.rstrip() for strip in strips]


def random_reply(rng: random.Random) -> str:
    blocks = [rng.choice(BLOCKS) for _ in range(rng.randint(1, 12))]
    return "\n\n".join(blocks) + rng.choice(["", "\n", "\n\n"])


def random_chunks(rng: random.Random, text: str) -> list[str]:
    chunks, position = [], 0
    while position < len(text):
        size = rng.randint(1, 12)
        chunks.append(text[position : position + size])
        position += size
    return chunks


async def test_a_streamed_reply_ends_exactly_as_a_one_shot_render(monkeypatch):
    """Flushed at random points (so cut into pieces anywhere), the final lines match exactly."""
    monkeypatch.setattr("coach.tui.widgets.conversation.PIECE_CHARS", 1)  # cut at every block
    rng = random.Random(20261123)
    app = One()
    async with app.run_test(size=(90, 40)) as pilot:
        conversation = app.query_one(Conversation)
        for _ in range(60):
            text = random_reply(rng)
            handle = await conversation.begin_coach_stream()
            for chunk in random_chunks(rng, text):
                handle.append(chunk)
                if rng.random() < 0.3:
                    handle.flush()
            await handle.finish()
            streamed = conversation.history.entries[-1]
            await conversation.add_coach_turn(text)
            await pilot.pause()
            one_shot = conversation.history.entries[-1]
            assert streamed.record.text == text
            assert streamed.lines == one_shot.lines, text


async def test_finished_blocks_render_while_the_open_end_shows_as_plain_text(monkeypatch):
    monkeypatch.setattr("coach.tui.widgets.conversation.PIECE_CHARS", 1)
    app = One()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        handle = await conversation.begin_coach_stream()
        handle.append("First **done** block.\n\nSecond block, still **open\n")
        handle.flush()
        await pilot.pause()
        history = "\n".join(lines_text(conversation.history.lines))
        tail = "\n".join(lines_text(conversation.tail.lines))
        assert "First done block." in history  # rendered as Markdown: no asterisks
        assert tail.startswith("Second block, still **open")  # raw until the block is done
        handle.append("and closed** now.\n")
        await handle.finish()
        await pilot.pause()
        assert conversation.tail.lines == []
        assert "Second block, still open" in "\n".join(lines_text(conversation.history.lines))


async def test_cancel_keeps_what_arrived_and_notes_it():
    app = One()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        handle = await conversation.begin_coach_stream()
        handle.append("Half a rep")
        await handle.cancel()
        await pilot.pause()
        shown = lines_text(conversation.history.lines)
        assert shown[shown.index("Coach  (stopped)") + 1] == "Half a rep"
        assert shown[shown.index("Half a rep") + 1] == "… (stopped)"  # noted where it stops
        handle.append("more")  # a late chunk after the cancel changes nothing
        assert conversation.turns[-1].text == "Half a rep"


async def test_line_endings_split_across_chunks_do_not_double_lines():
    app = One()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        handle = await conversation.begin_coach_stream()
        for chunk in ["one\r", "\ntwo\r", "\n\r", "\nthree"]:
            handle.append(chunk)
            handle.flush()
        await handle.finish()
        await conversation.add_coach_turn("one\ntwo\n\nthree")
        await pilot.pause()
        streamed, one_shot = conversation.history.entries[-2:]
        assert streamed.lines == one_shot.lines


async def test_a_long_session_keeps_a_constant_number_of_widgets():
    app = One()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        await conversation.add_user_turn("first")
        await pilot.pause()
        widgets = len(list(conversation.query("*")))
        for n in range(MARKDOWN_WINDOW + 40):
            await conversation.add_user_turn(f"turn {n}")
            await conversation.add_coach_turn(f"reply **{n}**")
        await pilot.pause()
        assert len(list(conversation.query("*"))) == widgets
        shown = lines_text(conversation.history.lines)
        assert f"reply {MARKDOWN_WINDOW + 39}" in shown  # recent turns: Markdown
        assert "reply **0**" in shown  # old turns: plain text, still all there


async def test_a_resize_rewraps_every_turn_and_the_open_tail():
    app = One()
    async with app.run_test(size=(100, 30)) as pilot:
        conversation = app.query_one(Conversation)
        words = "customers " * 30
        await conversation.add_coach_turn(words)
        handle = await conversation.begin_coach_stream()
        handle.append(words)
        handle.flush()
        await pilot.pause()
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        width = conversation.history.width
        assert width < 50
        for strip in conversation.history.lines + conversation.tail.lines:
            assert len(strip.text.rstrip()) <= width
        await handle.finish()
        await pilot.pause()
        await conversation.add_coach_turn(words)
        await pilot.pause()
        streamed, one_shot = conversation.history.entries[-2:]
        assert streamed.lines == one_shot.lines
