"""The conversation as a person sees it: the first words of a reply at once, a runaway reply
shown in part (all of it kept), per-chunk work that does not grow with the reply."""

from __future__ import annotations

import asyncio

from textual.app import App

from coach.tui.widgets import conversation as conversation_module
from coach.tui.widgets.conversation import SHOW_MAX_CHARS, Conversation


class One(App):
    def compose(self):
        yield Conversation(id="conversation")


def shown(conversation: Conversation) -> str:
    lines = [*conversation.history.lines, *conversation.tail.lines]
    return "\n".join(strip.text.rstrip() for strip in lines)


async def test_the_first_words_show_in_the_next_frame_not_at_the_first_flush_tick():
    app = One()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        handle = await conversation.begin_coach_stream()
        await pilot.pause(conversation_module.FLUSH_SECONDS * 2)  # nothing yet: nothing to show
        handle.append("Hello there")
        assert "Hello there" in shown(conversation)  # no wait for the 0.2 s timer
        handle.append(", and more")  # later text is batched until the next flush
        assert ", and more" not in shown(conversation)
        await pilot.pause(conversation_module.FLUSH_SECONDS * 2)
        assert "Hello there, and more" in shown(conversation)
        await handle.finish()


async def test_text_after_a_pause_in_the_reply_shows_at_once_not_at_the_next_tick():
    """Batching holds text for at most a flush period after the last flush: text that comes
    after the model paused longer than that is shown in the same turn of the loop."""
    app = One()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        handle = await conversation.begin_coach_stream()
        handle.append("Hello there")
        await pilot.pause(conversation_module.FLUSH_SECONDS * 1.5)  # the model pauses
        handle.append(", and more")
        await asyncio.sleep(0)
        assert "Hello there, and more" in shown(conversation)
        handle.append(" at once")  # right after a flush: batched again
        await asyncio.sleep(0)
        assert " at once" not in shown(conversation)
        await pilot.pause(conversation_module.FLUSH_SECONDS * 1.5)
        assert "Hello there, and more at once" in shown(conversation)
        await handle.finish()


async def test_the_first_words_take_the_room_already_made_so_nothing_above_them_moves():
    """The first chunk fills room laid out when the reply opened: the view does not jump, and
    the frame is a repaint of a line rather than a new layout of the whole screen."""
    app = One()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        for n in range(12):
            await conversation.add_user_turn(f"turn {n} with some words")
        handle = await conversation.begin_coach_stream()
        await pilot.pause()
        height, scrolled = conversation.virtual_size.height, conversation.scroll_y
        assert conversation.tail.lines  # the room is there before any text
        handle.append("Hello there")
        await pilot.pause()
        assert "Hello there" in shown(conversation)
        assert (conversation.virtual_size.height, conversation.scroll_y) == (height, scrolled)
        await handle.finish()
        await pilot.pause()
        assert not conversation.tail.lines  # the finished reply leaves no room behind


async def test_a_runaway_reply_shows_its_beginning_and_says_so_and_keeps_all_of_it():
    text = ("All work and no play. " * 40 + "\n\n") * (3 * SHOW_MAX_CHARS // 900)
    assert len(text) > 2 * SHOW_MAX_CHARS
    app = One()
    async with app.run_test(size=(100, 30)) as pilot:
        conversation = app.query_one(Conversation)
        handle = await conversation.begin_coach_stream()
        for start in range(0, len(text), 5000):
            handle.append(text[start : start + 5000])
            handle.flush()
        assert "the reply goes on; it is saved in full" in shown(conversation)
        await handle.finish()
        await pilot.pause()
        on_screen = shown(conversation)
        assert f"{len(text) - SHOW_MAX_CHARS:,} more characters not shown" in on_screen
        assert conversation.turns[-1].text == text  # what the app holds is the whole reply
        assert on_screen.count("All work and no play.") < SHOW_MAX_CHARS // 20


async def test_the_empty_check_the_screen_makes_per_chunk_does_not_join_the_reply(monkeypatch):
    app = One()
    async with app.run_test(size=(80, 30)):
        conversation = app.query_one(Conversation)
        handle = await conversation.begin_coach_stream()
        assert handle.empty
        joins = []
        real = conversation_module.StreamHandle.text
        monkeypatch.setattr(
            conversation_module.StreamHandle,
            "text",
            property(lambda self: joins.append(1) or real.fget(self)),
        )
        for _ in range(500):
            handle.append("word ")
            assert not handle.empty
        assert joins == []
        await handle.finish()


async def test_a_long_session_paints_its_newest_turns_first_then_all_of_them(monkeypatch):
    from coach.tui.widgets.conversation import FIRST_SHOWN

    class Resumed(One):
        async def on_mount(self) -> None:  # as the session screen adds a resumed session's turns
            conversation = self.query_one(Conversation)
            for n in range(300):
                await conversation.add_user_turn(f"user turn {n}")
                await conversation.add_coach_turn(f"coach turn {n}")

    from coach.tui.widgets.conversation import History

    waiting: list[int] = []  # turns not yet rendered, at each step of the backfill
    real_backfill = History._backfill

    def backfill(self) -> None:
        waiting.append(self.shown_from)
        real_backfill(self)

    monkeypatch.setattr(History, "_backfill", backfill)
    app = Resumed()
    async with app.run_test(size=(80, 30)) as pilot:
        conversation = app.query_one(Conversation)
        history = conversation.history
        await pilot.pause()
        assert waiting and waiting[0] == 600 - FIRST_SHOWN  # the first frame rendered the newest
        for _ in range(50):
            if not history.shown_from:
                break
            await pilot.pause(0.05)
        assert history.shown_from == 0
        text = shown(conversation)
        assert "user turn 0" in text and "coach turn 299" in text
        assert text.count("You") == 300 and text.count("Coach") == 300
        assert len(history.entries) > FIRST_SHOWN


async def test_a_new_turn_brings_the_view_back_to_the_end_even_while_it_scrolls_up():
    app = One()
    async with app.run_test(size=(80, 20)) as pilot:
        conversation = app.query_one(Conversation)
        for n in range(40):
            await conversation.add_user_turn(f"turn {n}")
        await pilot.pause()
        conversation.scroll_home(animate=True, duration=1.0)  # Home pressed just before sending
        await pilot.pause(0.2)
        assert 0 < conversation.scroll_y < conversation.max_scroll_y
        await conversation.add_user_turn("sent while it scrolled")
        await pilot.pause(1.2)
        assert conversation.scroll_y == conversation.max_scroll_y
        assert "sent while it scrolled" in "\n".join(
            conversation.render_line(y).text for y in range(conversation.size.height)
        )
