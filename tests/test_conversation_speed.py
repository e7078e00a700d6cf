"""The conversation as a person sees it: the first words of a reply at once, a runaway reply
shown in part (all of it kept), per-chunk work that does not grow with the reply."""

from __future__ import annotations

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
