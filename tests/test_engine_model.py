"""Model mode at the HTTP level (respx, SSE bodies as real servers send them)."""

from __future__ import annotations

import json

import httpx
import pytest
from engine_helpers import SITUATION, Clock, customer_empathy, said
from openai_sse import error_response, sse_events, sse_response

from coach.compose import Root
from coach.domain import Phase
from coach.engine.model_coach import ModelCoach
from coach.errors import ServerError
from coach.ladder.schema import LIST_FIELDS
from coach.llm.client import ChatClient
from coach.settings import Settings
from coach.store import open_journal

BASE = "http://127.0.0.1:8009/v1"
CHAT = f"{BASE}/chat/completions"
REPLY = ["You said the export broke ", "for two customers. ", "What did they need from it?"]


def good_suggestions(level) -> str:
    return json.dumps(
        {
            "habits": [
                {
                    "id": level.habits[0].id,
                    "reason": "You skipped the data check.",
                    "first_step": "Read ten tickets",
                    "due": "2026-11-25",
                    "cadence": "weekly",
                },
                {
                    "id": level.habits[1].id,
                    "reason": "Support saw it first.",
                    "first_step": "Join one support call",
                    "due": "2026-11-27",
                },
            ],
            "feedback": [
                {
                    "id": level.feedback_questions[0].id,
                    "reason": "You assumed.",
                    "first_step": "Ask in 1:1",
                    "due": "2026-11-30",
                    "ask_whom": "Manager",
                },
            ],
        }
    )


class FakeModel:
    """Answers each request like a server would; records every request body."""

    def __init__(self, suggestion_answers: list[str] | None = None):
        self.requests: list[dict] = []
        self.suggestion_answers = list(suggestion_answers or [])

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        if body.get("response_format"):
            text = self.suggestion_answers.pop(0) if self.suggestion_answers else "{}"
            return sse_response(sse_events([text], usage=(900, 120)))
        if body["messages"][0]["content"].startswith("Summarise"):
            return sse_response(sse_events(["The engineer shipped a refactor."], usage=(500, 20)))
        return sse_response(sse_events(REPLY, usage=(700, 25)))


def model_session(journal, fake=None, **settings):
    competency = customer_empathy()
    config = Settings.load(base_url=BASE, model="coach-test", **settings)
    client = ChatClient(config, sleep=_no_sleep)
    root = Root(config, journal=journal, clock=Clock())
    coach = ModelCoach(
        client,
        prompts=root.prompts,
        context_tokens=config.context_tokens,
        max_reply_tokens=config.max_reply_tokens,
    )
    return root.start(competency, 2, coach=coach)


async def _no_sleep(_seconds):
    return None


@pytest.fixture
def journal():
    with open_journal() as journal:
        yield journal


async def test_each_phase_request_carries_the_levels_struggles_and_questions(respx_mock, journal):
    fake = FakeModel([good_suggestions(customer_empathy().level(2))])
    respx_mock.post(CHAT).mock(side_effect=fake)
    session = model_session(journal)
    level = session.level
    assert await said(session.open()) == "".join(REPLY)
    for text in [
        "Prepare for my review.",
        SITUATION,
        "Support and two customers.",
        "A deadline.",
        "Not much.",
        "1",
        "yes",
    ]:
        await said(session.send(text))
    assert session.phase is Phase.SUGGEST
    ids = [i.id for name in LIST_FIELDS for i in getattr(level, name)]
    for body in fake.requests:
        messages = body["messages"]
        roles = [m["role"] for m in messages]
        # One leading system message, then strict alternation from the user to the user.
        assert roles[0] == "system" and "system" not in roles[1:]
        assert roles[1::2] == ["user"] * len(roles[1::2])
        assert roles[2::2] == ["assistant"] * len(roles[2::2])
        assert (
            roles[-1] == "user" and "(Coach note, not written by them:" in messages[-1]["content"]
        )
        assert body["model"] == "coach-test" and body["stream"] is True
        if "response_format" not in body:  # what the user reads is asked for without ids
            assert not any(i in m["content"] for m in messages for i in ids)
            assert "engineer" not in messages[0]["content"].replace("software engineer", "")
    # The system prompt is byte-identical across every turn (prompt caching).
    assert len({b["messages"][0]["content"] for b in fake.requests}) == 1
    # The note of an explore step names one of the level's questions, put to the user.
    notes = [b["messages"][-1]["content"] for b in fake.requests]
    starts = [q.ask.split("{work}")[0] for q in level.questions_to_ask_yourself if q.ask]
    assert any(f'and stop: "{start}' in n for n in notes for start in starts)
    # Suggestions: validated, the ladder's text shown (not the model's).
    assert [s.item_id for s in session.record.suggestions] == [
        level.habits[0].id,
        level.habits[1].id,
        level.feedback_questions[0].id,
    ]
    assert session.record.suggestions[2].ask_whom == "manager"
    last = session.record.turns[-1].text
    assert level.habits[0].text in last and f"[{level.habits[0].id}]" not in last  # ids: exports
    assert session.coach.usage.prompt_tokens > 0 and not session.coach.usage.approximate


async def test_invalid_json_is_reasked_once_then_falls_back_to_the_ladder(respx_mock, journal):
    fake = FakeModel(["not json at all", '{"habits": [{"id": "l9.habit.1"}]}'])
    respx_mock.post(CHAT).mock(side_effect=fake)
    notices = []
    session = model_session(journal)
    session.coach.on_notice = notices.append
    await said(session.open())
    reply = await said(session.go_to(Phase.SUGGEST))
    json_requests = [b for b in fake.requests if b.get("response_format")]
    assert len(json_requests) == 2
    assert "could not be used" in json_requests[1]["messages"][-1]["content"]
    assert all(s.source == "guided" for s in session.record.suggestions)
    assert {s.item_id for s in session.record.suggestions if s.kind == "habit"} <= {
        i.id for i in session.level.habits
    }
    assert any("ladder's own choice" in n for n in notices)
    habit = next(s for s in session.record.suggestions if s.kind == "habit")
    assert session.level.find(habit.item_id)[1].text in reply and "[l2." not in reply


async def test_unknown_ids_are_rejected_and_reasked(respx_mock, journal):
    level = customer_empathy().level(2)
    wrong = json.loads(good_suggestions(level))
    wrong["habits"][0]["id"] = "l1.habit.1"  # a real id, but of another level
    fake = FakeModel([json.dumps(wrong), good_suggestions(level)])
    respx_mock.post(CHAT).mock(side_effect=fake)
    session = model_session(journal)
    await said(session.open())
    await said(session.go_to(Phase.SUGGEST))
    retry_note = [b for b in fake.requests if b.get("response_format")][1]["messages"][-1][
        "content"
    ]
    assert "'l1.habit.1' is not a habit id of this level" in retry_note
    assert session.record.suggestions[0].item_id == level.habits[0].id
    assert session.record.suggestions[0].source == "model"


async def test_user_turn_is_saved_before_the_request_leaves(respx_mock, journal):
    seen = []

    def server(request):
        stored = journal.get_session(session.record.id)
        seen.append([t.text for t in stored.turns if t.role == "user"])
        return sse_response(sse_events(REPLY))

    respx_mock.post(CHAT).mock(side_effect=server)
    session = model_session(journal)
    await said(session.open())
    await said(session.send("Something I wrote."))
    assert seen[-1] == ["Something I wrote."]


async def test_cut_stream_keeps_partial_and_retry_does_not_repeat_the_user_turn(
    respx_mock, journal
):
    responses = iter(
        [
            sse_response(sse_events(REPLY)),
            sse_response(
                sse_events(["Half a ", "reply"], finish_reason=None, done=False),
                fail_with=httpx.ReadError("reset"),
            ),
            sse_response(sse_events(REPLY)),
        ]
    )
    respx_mock.post(CHAT).mock(side_effect=lambda request: next(responses))
    session = model_session(journal, max_retries=0)
    await said(session.open())
    with pytest.raises(ServerError) as caught:
        await said(session.send("My situation."))
    assert caught.value.partial == "Half a reply"
    stored = journal.get_session(session.record.id)
    assert stored.turns[-1].text == "Half a reply" and not stored.turns[-1].complete
    await said(session.retry())
    stored = journal.get_session(session.record.id)
    assert [t.text for t in stored.turns if t.role == "user"] == ["My situation."]
    assert stored.turns[-1].text == "".join(REPLY) and stored.turns[-1].complete
    assert "Half a reply" not in [t.text for t in stored.turns]


async def test_error_before_any_text_leaves_the_turn_resendable(respx_mock, journal):
    responses = iter(
        [
            sse_response(sse_events(REPLY)),
            error_response(500, "boom"),
            sse_response(sse_events(REPLY)),
        ]
    )
    respx_mock.post(CHAT).mock(side_effect=lambda request: next(responses))
    session = model_session(journal, max_retries=0)
    await said(session.open())
    with pytest.raises(ServerError):
        await said(session.send("Hello there."))
    assert session.needs_reply
    await said(session.retry())
    assert not session.needs_reply
    users = [t for t in journal.get_session(session.record.id).turns if t.role == "user"]
    assert len(users) == 1


async def test_hundred_turn_session_stays_within_budget(respx_mock, journal):
    fake = FakeModel()
    respx_mock.post(CHAT).mock(side_effect=fake)
    session = model_session(journal, context_tokens=3000, max_reply_tokens=300)
    await said(session.open())
    for number in range(100):
        await said(
            session.send(f"Turn {number}: " + "we talked to customers about the export " * 8)
        )
        if session.phase is not Phase.EXPLORE:
            session.record.phase = Phase.EXPLORE  # stay in conversation; we measure the budget
    from coach.llm.tokens import count_messages

    chat = fake.requests  # folding asks the model nothing: the summary is the user's own words
    sizes = [count_messages(b["messages"]).tokens for b in chat]
    assert max(sizes) <= 3000 - 300
    last = chat[-1]["messages"]
    # The system prompt is never cut (the summary follows it), nor the last user turn.
    assert last[0]["content"].startswith(chat[0]["messages"][0]["content"])
    assert last[-1]["content"].startswith("Turn 99:")
    assert "Earlier in this session" in last[0]["content"]
    assert "They said: Turn" in last[0]["content"]


async def test_whole_model_session_ends_with_a_plan_from_the_models_choices(respx_mock, journal):
    level = customer_empathy().level(2)
    fake = FakeModel([good_suggestions(level)])
    respx_mock.post(CHAT).mock(side_effect=fake)
    session = model_session(journal)
    await said(session.open())
    answers = [
        "Prepare for my review.",
        SITUATION,
        "Support.",
        "A deadline.",
        "Not much.",
        "1",
        "yes",
        "keep 1 3",
        "Ask support before shipping.",
    ]
    for text in answers:
        await said(session.send(text))
    assert session.phase is Phase.DONE
    plan = journal.get_session(session.record.id).plan
    assert [s.item_id for s in plan.habits] == [level.habits[0].id]
    assert [s.item_id for s in plan.feedback] == [level.feedback_questions[0].id]
    assert plan.habits[0].first_step == "Read ten tickets" and plan.habits[0].source == "model"
    assert plan.focus == "Ask support before shipping."
    # The plan step asked the model for the focus question with the kept ids.
    plan_requests = [b for b in fake.requests if "single focus" in b["messages"][-1]["content"]]
    assert plan_requests and level.habits[0].text in plan_requests[0]["messages"][-1]["content"]


async def test_a_reply_cut_by_the_token_limit_says_so(respx_mock, journal):
    events = sse_events(["A reply that ran ", "out of room"], finish_reason="length")
    respx_mock.post(CHAT).mock(return_value=sse_response(events))
    notices = []
    session = model_session(journal)
    session.coach.on_notice = notices.append
    assert await said(session.open()) == "A reply that ran out of room"
    assert any("400-token limit" in n and "max_reply_tokens" in n for n in notices)
