"""Talking to an OpenAI-compatible model server: token counting and a streaming chat client.

Nothing here imports ``openai`` or ``tiktoken`` at import time (each costs a noticeable pause).
"""
