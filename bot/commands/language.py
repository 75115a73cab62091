"""``/language [en|km]``: the language this chat is answered in, English or Khmer.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> from bot.commands.registry import Chat
>>> desk = Desk.open("sqlite://")
>>> chat = Chat(42, "private", 42, "@editor (42)", "en-US")
>>> chat_language(desk, chat)
'en'
>>> print(to_plain(answer_language(desk, chat, "km")).splitlines()[0])
ចាប់ពីពេលនេះ ជជែកនេះនឹងទទួលចម្លើយជាភាសាខ្មែរ។
>>> chat_language(desk, chat)
'km'

Until a chat chooses, a private chat is answered in its user's Telegram language
(``language_code``) when the desk has it, else in English: many Khmer-speaking reporters run
Telegram in English, so the guess is only a start. A group is answered in English until it
chooses. The console's language is ``desk ask --lang`` or DESK_LANGUAGE.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

from bot.core.answer import Answer, Button, fail, italic
from bot.core.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    N_,
    Language,
    _,
    current,
    in_language,
    language,
    reviewer,
)
from bot.desk import Desk
from bot.storage.chat_languages import set_language, stored_language

if TYPE_CHECKING:
    from bot.commands.registry import Chat

# Each language's name as an answer names it ("in Khmer"); the buttons use their own names.
_NAMED: dict[Language, str] = {"en": N_("English"), "km": N_("Khmer")}


def chat_language(desk: Desk, chat: Chat) -> Language:
    """The language the chat is answered in: the one set with /language, else in a private
    chat the guess from its user's Telegram ``language_code`` (a group's members may each run
    Telegram in another language: a group is answered in English until it chooses), else
    English. The console's is ``--lang`` or DESK_LANGUAGE."""
    if chat.place != "console":
        with desk.connect() as conn:
            stored = language(stored_language(conn, chat.id))
        if stored is not None:
            return stored
    if chat.place == "group":
        return "en"
    return language(chat.language_code) or "en"


def answer_language(desk: Desk, chat: Chat, args: str) -> Answer:
    """Show the chat's language and offer the others; with a language, set it."""
    if not args:
        answer = Answer(command="language")
        answer.line(
            _("This chat is answered in {language}.").format(
                language=_(_NAMED[chat_language(desk, chat)])
            )
        )
        answer.line(_("Choose a language:"))
        answer.buttons.extend(
            Button(LANGUAGE_NAMES[lang], f"/language {lang}") for lang in LANGUAGES
        )
        review_note(answer)
        return answer
    chosen = language(args)
    if chosen is None:
        answer = fail(
            "language",
            _("I answer in English (/language en) or Khmer (/language km), not “{typed}”.").format(
                typed=args
            ),
        )
        answer.buttons.extend(
            Button(LANGUAGE_NAMES[lang], f"/language {lang}") for lang in LANGUAGES
        )
        return answer
    with desk.connect() as conn, conn.begin():
        set_language(conn, chat.id, chosen, chat.user_id, desk.now().astimezone(UTC))
    with in_language(chosen):  # the confirmation is the first answer in the new language
        answer = Answer(command="language")
        answer.line(
            _("From now on this chat is answered in {language}.").format(language=_(_NAMED[chosen]))
        )
        review_note(answer)
    return answer


def review_note(answer: Answer) -> None:
    """While no Khmer-speaking editor has reviewed the Khmer catalog, a Khmer answer that is
    about the language says so (README, "Translations")."""
    lang = current()
    if lang != "en" and reviewer(lang) is None:
        answer.line(
            italic(
                _(
                    "This translation has not yet been reviewed by a Khmer-speaking editor. "
                    "The figures are the same as in English; if a sentence reads wrongly, "
                    "/language en shows the English."
                )
            )
        )
