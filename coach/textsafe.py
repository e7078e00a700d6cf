"""One sanitiser for untrusted text (the model's, the user's, a ladder's) at every output edge.

A terminal acts on control characters: ESC starts CSI/OSC/DCS sequences (OSC 52 sets the
clipboard, OSC 0 the window title, CSI 2J clears the screen), C1 codes (U+0080–U+009F) are the
same sequences in one character on some terminals, and a lone CR moves back to overwrite what is
already shown. ``visible`` turns every C0/C1 control except newline and tab into a visible
picture (ESC becomes ␛), so a sequence shows as text and cannot act, and turns a CR into a line
break. It is idempotent and never drops a character the user wrote.
"""

from __future__ import annotations

import re

# C0 controls except tab (\x09) and newline (\x0a), DEL, and the C1 block.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def visible(text: str) -> str:
    """``text`` safe to print: controls shown as pictures, CR as a line break; \\n and \\t kept."""
    return CONTROL.sub(_picture, text.replace("\r\n", "\n").replace("\r", "\n"))


def has_control(text: str) -> bool:
    return bool(CONTROL.search(text.replace("\r\n", "\n")))


def json_safe(text: str) -> str:
    """JSON (already escaping C0) with DEL and C1 escaped too: same data, nothing a terminal runs."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group(0)):04x}", text)


class StreamCleaner:
    """``visible`` applied chunk by chunk: a trailing CR waits, since the next chunk may bring LF."""

    def __init__(self) -> None:
        self._carriage_return = False

    def feed(self, chunk: str) -> str:
        if self._carriage_return:
            chunk = "\r" + chunk
        self._carriage_return = chunk.endswith("\r")
        return visible(chunk[:-1] if self._carriage_return else chunk)

    def close(self) -> str:
        held, self._carriage_return = self._carriage_return, False
        return "\n" if held else ""


class SafeWriter:
    """A text stream (stdout, stderr) that passes everything through ``visible``.

    Installed by the CLI for every command, so no print path can forget it; attributes such as
    ``isatty``, ``fileno`` and ``buffer`` are the wrapped stream's.
    """

    def __init__(self, stream) -> None:
        self._stream = stream
        self._cleaner = StreamCleaner()

    def write(self, text: str) -> int:
        self._stream.write(self._cleaner.feed(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def install_on_std_streams() -> None:
    import sys

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, SafeWriter):
            setattr(sys, name, SafeWriter(stream))
