"""The project's small error family: a message and a title, shown by pages and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field

from reformdash.words import t


class ReformdashError(Exception):
    """Base of every error the project raises on purpose."""

    def __init__(self, message: str, title: str | None = None):
        super().__init__(message)
        self.message = message
        self.title = t("error.title") if title is None else title
        self.words: tuple[str, str, dict] | None = None  # (key, title key, params) when made by said()

    @classmethod
    def said(cls, key: str, title_key: str = "error.title", **params: object) -> ReformdashError:
        """An error in the catalog's words, raised where the reader's language is not known (the store): pages and
        the CLI say it in theirs with text(lang); `message` and `title` are the Vietnamese. A parameter that is
        itself words is given as Said(key)."""
        error = cls(t(key, "vi", **_words_in(params, "vi")), t(title_key, "vi"))
        error.words = (key, title_key, params)
        return error

    def text(self, lang: str = "vi") -> str:
        """The sentence in `lang` (as it was made when it was not made by said())."""
        if self.words is None:
            return self.message
        key, _, params = self.words
        return t(key, lang, **_words_in(params, lang))

    def heading(self, lang: str = "vi") -> str:
        """The title in `lang` (as it was made when it was not made by said())."""
        return t(self.words[1], lang) if self.words is not None else self.title


def _words_in(params: dict, lang: str) -> dict:
    return {k: t(v.key, lang) if isinstance(v, Said) else v for k, v in params.items()}


class Rejected(ReformdashError):
    """The reader's request is refused as it stands and nothing was written: the CLI exits 2 (DESIGN §5)."""


class NotFound(Rejected):
    """A named thing (entity, index, batch) does not exist."""


class StoreError(ReformdashError):
    """The database itself failed (DuckDB's error, raised from it): not the reader's input, so the CLI exits 1."""


class StoreBusy(ReformdashError):
    """The database is locked by another writer."""


@dataclass(frozen=True)
class Said:
    """A problem's parameter that is words of the catalog: said in the reader's language when the problem is shown."""

    key: str


@dataclass
class Problem:
    """One reason a file is rejected, with the place it was found."""

    key: str
    file: str
    sheet: str | None = None
    row: int | None = None  # 1-based, as the spreadsheet shows it
    column: str | None = None  # letter and header, e.g. "C (Tính minh bạch)"
    value: object = None
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "vi") -> str:
        """The place and the reason as one sentence."""
        place = t("place", lang, file=self.file)
        if self.sheet:
            place += t("place.sheet", lang, sheet=self.sheet)
        if self.row is not None:
            place += t("place.row", lang, row=self.row)
        if self.column:
            place += t("place.column", lang, column=self.column)
        shown = "" if self.value is None else str(self.value)
        if shown:
            place += t("place.value", lang, value=shown[:80])
        params = {key: t(v.key, lang) if isinstance(v, Said) else v
                  for key, v in {"value": shown[:80], **self.params}.items()}
        return f"{place}: {t(self.key, lang, **params)}"


class ImportRejected(Rejected):
    """A file (or part of it) cannot be imported; nothing was written."""

    def __init__(self, problems: list[Problem], lang: str = "vi", limit: int = 20):
        self.problems, self.limit = problems, limit
        super().__init__(self.text(lang), self.heading(lang))

    def text(self, lang: str = "vi") -> str:
        """Every problem's place and reason in `lang`."""
        lines = [p.render(lang) for p in self.problems[:self.limit]]
        if len(self.problems) > self.limit:
            lines.append(t("more_problems", lang, count=len(self.problems) - self.limit))
        return "\n".join(lines)

    def heading(self, lang: str = "vi") -> str:
        return t("rejected_title", lang)
