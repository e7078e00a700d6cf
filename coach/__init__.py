"""coach: reflect on a career-ladder competency, with a language model or a guided offline mode."""

__version__ = "0.1.0"
