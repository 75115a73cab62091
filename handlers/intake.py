"""Reports sent to the bot: a forwarded post, a pasted text or a link, read into proposed
claims that a desk admin reviews; for everyone else, what the record holds about the names.

>>> is_report("Who joined the CPP in June?")
False
>>> is_report("https://example.org/news/forty-councillors")
True

Which messages are reports (anything else stays a question for handlers/questions.py):

- a forwarded message (its text, or a photo's caption);
- a message that is only a link (http:// or https://);
- a text of at least :data:`REPORT_CHARS` characters with at least two sentences (ended by
  ``.``, ``!``, ``?`` or the Khmer ``។``), most of which are not questions. A question is short
  — a line, at most two — or asks (its sentences end in ``?``), while a report pasted from an
  outlet runs to several sentences that state things; a long run of characters with no
  sentence in it is neither, and is left to the questions' "I didn't understand".

A command is never a report. In a group the bot reads only what mentions it: a text that
mentions it and is a report by the rule above, or a mention alone in reply to a message (a
forwarded post, a pasted text), which is then the report.

What the bot does with a report:

- A desk admin (DESK_ADMIN_IDS) in a private chat gets the claims it proposes, one message
  each, with Add / Edit / Skip (bot.commands.intake stores them as pending proposals; nothing
  is written before Add). Edit offers the fields as buttons; one pressed, the bot asks for the
  new value (a ForceReply prompt) and takes the admin's reply to it. Add and Skip edit the
  message into what happened; a button pressed by anyone else is refused in an alert and
  changes nothing. A link is fetched (bot/ingest/intake/pages.py) in a worker thread.
- Everyone else, and everyone in a group, gets the read-only look-up: each person and party
  the text names that the record knows, a one-line status and a button for the card. Links
  are fetched for admins only: anyone else is asked to paste the text or forward the post.
  A forwarded post that is only a link is read at the link, as a sent link is.
- An edited report is not reviewed again (its proposals are pending already): the admin is
  told to send the corrected text anew. Anyone else's is looked up again.

Where a forward comes from is its source: a channel's post keeps the channel's title, its
``t.me/<channel>/<id>`` link (``t.me/c/<id>/<id>`` for a channel without a username) and the
post's date; a user's message keeps the user's name. A user who hides their account leaves no
source, so an admin is told to forward from the channel or send the link instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.commands.intake import FIELDS, look_up, review_report
from bot.core.answer import Answer, fail
from bot.core.i18n import N_, _
from bot.core.render import html_messages, to_plain
from bot.errors import PageError
from bot.ingest.intake.pages import fetch_report
from bot.ingest.intake.report import Report
from bot.settings import Settings
from handlers.choices import ALERT_LIMIT, shortened
from handlers.commands import answer_line, in_chat_language, produce, refusal, route_of
from handlers.curation import is_admin
from handlers.questions import addressed_text
from handlers.reply import compute, desk_of, edit_into_answer, logged, send_answer
from handlers.sending import EDIT, REPLY, send

REPORT_CHARS = 200
_SENTENCE_END = re.compile(r"[.!?។៕]+[\"'”’)\]]*(?:\s|$)")
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)
HIDDEN_SOURCE = N_(
    "This was forwarded from someone who hides their account, so its source cannot be kept. "
    "Forward the post from the channel that published it, or send the article's link."
)
NO_TEXT = N_(
    "This message has no text to read: forward a post with text, paste it, or send a link."
)
LINKS_FOR_ADMINS = N_(
    "The bot reads links only for the desk's admins, in a private chat with it. To see what "
    "the record holds about the names in a report, paste its text or forward the post."
)
ONLY_ADMINS = N_("Only the desk's admins can change proposals.")
# An edit is sent again as an edited_message update. Read again, it would propose its claims a
# second time beside the proposals still pending from the first text; a look-up changes
# nothing, so everyone else's edited report is looked up again, as an edited question is
# answered again.
EDITED_REPORT = N_(
    "An edited report is not read again: its proposals above come from the text as first "
    "sent. To review the corrected text, send it as a new message (and Skip the proposals "
    "above)."
)
# The edit prompt in any language: its proposal's number, then the field's own (Latin) name
# as the first word after it that names a field. A reply is matched by this, whatever the
# chat's language is by then.
PROMPT = re.compile(rf"^[^#\n]*#(\d+)\b[^\n]*?(?<!\w)({'|'.join(FIELDS)})(?!\w)")
# How each field is written, for the edit prompt's placeholder (at most 64 characters).
FIELD_HINTS = {
    "date": N_("DD/MM/YYYY"),
    "number": N_("a whole number, e.g. 45"),
    "words": N_("the text's words for the number"),
    "qualifier": N_("e.g. more than; none for an exact count"),
    "from": N_("Party; Party"),
    "to": N_("a party, or none for a departure"),
    "people": N_("Name; Name, or none"),
    "claimant": N_("the outlet, or the person quoted"),
    "evidence": N_("the sentence the claim rests on"),
}
# The fields' buttons after Edit.
FIELD_LABELS = {
    "date": N_("Date"),
    "number": N_("Number"),
    "words": N_("Words"),
    "qualifier": N_("Qualifier"),
    "from": N_("From"),
    "to": N_("To"),
    "people": N_("People"),
    "claimant": N_("Claimant"),
    "evidence": N_("Evidence"),
}
REVIEW_VERBS = {"add": N_("Add"), "edit": N_("Edit"), "skip": N_("Skip")}


def is_report(text: str) -> bool:
    """Whether a text is a report to read rather than a question (the rule above).

    >>> is_report("How many Candlelight members joined the CPP in Takeo in 2023?")
    False
    >>> is_report("More than forty councillors joined the CPP on Monday. " * 4)
    True
    >>> is_report("How many joined the CPP in June? " * 8), is_report("ka" * 300)
    (False, False)
    """
    text = text.strip()
    if not text or text.startswith("/"):
        return False
    if _LINK.fullmatch(text):
        return True
    ends = _SENTENCE_END.findall(text)
    asking = sum("?" in end for end in ends)
    return len(text) >= REPORT_CHARS and len(ends) >= 2 and asking * 2 < len(ends)


def only_link(text: str) -> str | None:
    """The link, when the text is nothing else.

    >>> only_link(" https://example.org/a "), only_link("see https://example.org/a")
    ('https://example.org/a', None)
    """
    text = text.strip()
    return text if _LINK.fullmatch(text) else None


def channel_link(origin: MessageOriginChannel) -> str:
    """The post's public address: by the channel's username, or by its id for a private one.

    >>> from datetime import UTC, datetime
    >>> from telegram import Chat
    >>> when = datetime(2026, 11, 30, tzinfo=UTC)
    >>> public = Chat(-1001234567890, "channel", username="news")
    >>> channel_link(MessageOriginChannel(when, public, 77))
    'https://t.me/news/77'
    >>> channel_link(MessageOriginChannel(when, Chat(-1001234567890, "channel"), 77))
    'https://t.me/c/1234567890/77'
    """
    if origin.chat.username:
        return f"https://t.me/{origin.chat.username}/{origin.message_id}"
    internal = str(origin.chat.id).removeprefix("-100")
    return f"https://t.me/c/{internal}/{origin.message_id}"


def report_of(message: Message, text: str, timezone: str) -> Report | None:
    """The report a message carries (``text`` is its words, a group's mention taken out);
    None for a forward whose sender hides their account: it has no source to keep."""
    origin = message.forward_origin
    if origin is None:
        return Report(text=text, kind="paste")
    published = _local_day(origin.date, timezone)
    if isinstance(origin, MessageOriginChannel):
        return Report(
            text=text,
            outlet=origin.chat.title or origin.chat.username,
            url=channel_link(origin),
            published=published,
            kind="forward",
            author=origin.author_signature,
        )
    if isinstance(origin, MessageOriginChat):
        return Report(
            text=text,
            outlet=origin.sender_chat.title or origin.sender_chat.username,
            published=published,
            kind="forward",
            author=origin.author_signature,
        )
    if isinstance(origin, MessageOriginUser):
        user = origin.sender_user
        name = f"{user.full_name} (@{user.username})" if user.username else user.full_name
        return Report(text=text, outlet=name, published=published, kind="forward")
    assert isinstance(origin, MessageOriginHiddenUser)
    return None


def _local_day(when: datetime, timezone: str) -> date:
    """The day it was in the desk's time zone (Telegram's dates are UTC)."""
    return when.astimezone(ZoneInfo(timezone)).date()


def settings_of(context: ContextTypes.DEFAULT_TYPE) -> Settings:
    settings = context.application.bot_data["settings"]
    assert isinstance(settings, Settings)
    return settings


# ------------------------------------------------------------------------------ reports --


@logged("report")
async def on_report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    async with in_chat_language(update, context):  # the review or look-up in its language
        return await _report(update, context)


async def _report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message = update.effective_message
    if message is None:
        return None
    source, text = message, message.text or message.caption or ""
    if message.chat.type != ChatType.PRIVATE:
        addressed = addressed_text(message, context.bot.username)
        if addressed is None:
            return None  # group chatter that mentions someone else
        if not addressed and message.reply_to_message is not None:
            source = message.reply_to_message  # "@Bot" in reply to the report
            text = source.text or source.caption or ""
        elif not is_report(addressed):
            return await answer_line(update, context, addressed)  # a question after all
        else:
            text = addressed
    return await read_report(update, context, source, text)


async def read_report(
    update: Update, context: ContextTypes.DEFAULT_TYPE, source: Message, text: str
) -> Answer:
    """Review the report ``source`` carries (an admin in a private chat) or look its names up."""
    message, user = update.effective_message, update.effective_user
    assert message is not None
    settings = settings_of(context)
    reviewer = message.chat.type == ChatType.PRIVATE and is_admin(context, user)
    if not text.strip():
        return await _say(message, fail("intake", _(NO_TEXT)))
    if reviewer and update.edited_message is not None:
        return await _say(message, fail("intake", _(EDITED_REPORT)))
    # A post that is only a link (forwarded or sent) is read at the link: the page is the
    # report, and its outlet the source.
    link = only_link(text)
    if link is not None:
        if not reviewer:
            return await _say(message, fail("intake", _(LINKS_FOR_ADMINS)))
        try:
            report: Report | None = await compute(fetch_report, link, settings)
        except PageError as exc:  # its words are in the chat's language (pages.py)
            return await _say(
                message, fail("intake", _("Could not read the link: {why}").format(why=exc))
            )
    else:
        report = report_of(source, text, settings.timezone)
    if report is None:  # forwarded from a hidden account
        if reviewer:
            return await _say(message, fail("intake", _(HIDDEN_SOURCE)))
        report = Report(text=text, kind="forward")  # a look-up keeps nothing: no source needed
    desk = desk_of(context)
    if not reviewer:
        return await _say(message, await compute(look_up, desk, report.text))
    assert user is not None
    answers = await compute(review_report, desk, message.chat.id, user.id, report)
    for answer in answers:
        await send_review(message, answer)
    return answers[0]


async def _say(message: Message, answer: Answer) -> Answer:
    await send_answer(message, answer)
    return answer


# ------------------------------------------------------------------------------- review --


def review_markup(answer: Answer) -> InlineKeyboardMarkup | None:
    """A proposal's buttons in one row: Add, Edit, Skip."""
    if not answer.buttons:
        return None
    row = [InlineKeyboardButton(b.label, callback_data=b.command) for b in answer.buttons]
    return InlineKeyboardMarkup([row])


def fields_markup(proposal_id: int) -> InlineKeyboardMarkup:
    """The fields of a proposal as buttons, three a row, and Back.

    >>> [b.callback_data for b in fields_markup(12).inline_keyboard[0]]
    ['intake:field:12:date', 'intake:field:12:number', 'intake:field:12:words']
    """
    buttons = [
        InlineKeyboardButton(
            _(FIELD_LABELS[name]), callback_data=f"intake:field:{proposal_id}:{name}"
        )
        for name in FIELDS
    ]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    rows.append([InlineKeyboardButton(_("Back"), callback_data=f"intake:back:{proposal_id}")])
    return InlineKeyboardMarkup(rows)


def trio_markup(proposal_id: int) -> InlineKeyboardMarkup:
    """Add, Edit and Skip again, in the answer's language.

    >>> [b.text for b in trio_markup(12).inline_keyboard[0]]
    ['Add', 'Edit', 'Skip']
    """
    row = [
        InlineKeyboardButton(_(label), callback_data=f"/intake_{verb} {proposal_id}")
        for verb, label in REVIEW_VERBS.items()
    ]
    return InlineKeyboardMarkup([row])


async def send_review(message: Message, answer: Answer) -> None:
    """One proposal (or why there is none) as its own message, its buttons under the last part."""
    parts = html_messages(answer)
    for i, part in enumerate(parts):
        markup = review_markup(answer) if i == len(parts) - 1 else None
        await send(
            partial(message.reply_text, part, reply_markup=markup, do_quote=False),
            REPLY,
            f"chat {message.chat_id}",
        )


@logged("review")
async def on_review_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    """Add, Edit or Skip pressed under a proposal."""
    async with in_chat_language(update, context):  # alerts and buttons in the chat's language
        return await _review_button(update, context)


async def _review_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return None
    if not is_admin(context, update.effective_user):
        await query.answer(_(ONLY_ADMINS), show_alert=True)
        return fail("intake", _(ONLY_ADMINS))
    verb, _sep, proposal_id = query.data.removeprefix("/intake_").partition(" ")
    if verb == "edit":
        await query.answer(_("Which field?"))
        await _set_markup(query.message, fields_markup(int(proposal_id)))
        return None
    route = await route_of(context, query.data)
    refused = await refusal(update, context, route)
    if refused is not None:
        await query.answer(shortened(to_plain(refused), ALERT_LIMIT), show_alert=True)
        return refused
    result = await produce(update, context, route)
    assert isinstance(result, Answer), "the review's commands answer in words"
    if not result.ok:  # e.g. no count yet: the proposal stays, with its buttons, to edit
        await query.answer(shortened(to_plain(result), ALERT_LIMIT), show_alert=True)
        return result
    await query.answer()
    await edit_into_answer(query.message, result)  # "Added claim #…", "Skipped …"
    return result


@logged("review")
async def on_field(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    """A field chosen after Edit (the bot asks for its new value), or Back."""
    async with in_chat_language(update, context):
        return await _field(update, context)


def prompt_text(proposal_id: int | str, name: str) -> str:
    """The edit prompt for a field, in the answer's language; :data:`PROMPT` reads it back.

    >>> prompt_text(12, "to")
    'Proposal #12: reply with the new to (a party, or none for a departure).'
    >>> PROMPT.match(prompt_text(12, "to")).groups()
    ('12', 'to')
    """
    # Translators: keep "#{id}" and the field's name {name} (in Latin letters, a space on each
    # side, before any other of the fields' names): the bot reads the reply's field from them.
    return _("Proposal #{id}: reply with the new {name} ({hint}).").format(
        id=proposal_id, name=name, hint=_(FIELD_HINTS[name])
    )


async def _field(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return None
    if not is_admin(context, update.effective_user):
        await query.answer(_(ONLY_ADMINS), show_alert=True)
        return fail("intake", _(ONLY_ADMINS))
    _kind, verb, rest = query.data.split(":", 2)
    proposal_id, _sep, name = rest.partition(":")
    await query.answer()
    await _set_markup(query.message, trio_markup(int(proposal_id)))
    if verb != "field" or name not in FIELDS:
        return None
    prompt = await query.message.reply_text(
        prompt_text(proposal_id, name),
        reply_markup=ForceReply(input_field_placeholder=_(FIELD_HINTS[name])[:64]),
        do_quote=True,
    )
    _prompts(context)[(prompt.chat_id, prompt.message_id)] = query.message.message_id
    return None


def _prompts(context: ContextTypes.DEFAULT_TYPE) -> dict[tuple[int, int], int]:
    """Edit prompts still open: (chat, prompt message) -> the proposal's message. Lost on a
    restart: the prompt's own words say which proposal and field, so a reply still edits it,
    and the updated proposal then comes as a new message."""
    prompts: dict[tuple[int, int], int] = context.application.bot_data.setdefault(
        "intake_prompts", {}
    )
    while len(prompts) > 1000:
        prompts.pop(next(iter(prompts)))
    return prompts


async def _set_markup(message: Message, markup: InlineKeyboardMarkup) -> None:
    try:
        await send(partial(message.edit_reply_markup, markup), EDIT, f"chat {message.chat_id}")
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise


class _EditReply(filters.MessageFilter):
    """A reply to the bot's edit prompt."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        return (
            replied is not None
            and replied.from_user is not None
            and replied.from_user.is_bot
            and PROMPT.match(replied.text or "") is not None
        )


@logged("review")
async def on_edit_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    async with in_chat_language(update, context):
        return await _edit_reply(update, context)


async def _edit_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message = update.effective_message
    if message is None or message.reply_to_message is None:
        return None
    found = PROMPT.match(message.reply_to_message.text or "")
    assert found is not None, "the filter let only replies to a prompt through"
    proposal_id, name = found[1], found[2]
    value = " ".join((message.text or "").split())
    route = await route_of(context, f"/intake_edit {proposal_id} {name} {value}")
    refused = await refusal(update, context, route)
    if refused is not None:
        return await _say(message, refused)
    result = await produce(update, context, route)
    assert isinstance(result, Answer), "the review's commands answer in words"
    if not result.ok:
        result.line(_("Reply to the question above again with another value."))
        return await _say(message, result)
    key = (message.chat.id, message.reply_to_message.message_id)
    proposal_message = _prompts(context).pop(key, None)
    if proposal_message is None or not await _edit_review(
        context, message.chat.id, proposal_message, result
    ):
        await send_review(message, result)
        return result
    done = Answer(command="intake")
    done.line(_("Proposal #{id}: {name} changed (above).").format(id=proposal_id, name=name))
    return await _say(message, done)


async def _edit_review(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, message_id: int, answer: Answer
) -> bool:
    """Edit the proposal's message into ``answer``; False when Telegram will not."""
    parts = html_messages(answer)
    if len(parts) > 1:
        return False
    try:
        await send(
            partial(
                context.bot.edit_message_text,
                parts[0],
                chat_id=chat_id,
                message_id=message_id,
                reply_markup=review_markup(answer),
            ),
            EDIT,
            f"chat {chat_id}",
        )
    except BadRequest as exc:
        return "not modified" in exc.message.lower()
    return True


# ------------------------------------------------------------------------------ routing --


class _ReportText(filters.MessageFilter):
    """A text that is a report by the rule above (mentions of bots left out)."""

    def filter(self, message: Message) -> bool:
        return is_report(re.sub(r"(?<!\w)@\w+", " ", message.text or ""))


def handlers() -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    # Edits too (a pasted report corrected): an admin is told it is not reviewed again
    # (EDITED_REPORT), anyone else gets the look-up again. A forward cannot be edited.
    fresh = filters.UpdateType.MESSAGES
    private = fresh & filters.ChatType.PRIVATE & ~filters.COMMAND
    group = fresh & filters.ChatType.GROUPS & ~filters.COMMAND
    return [
        CallbackQueryHandler(on_review_button, pattern=r"^/intake_(add|edit|skip) \d+$"),
        CallbackQueryHandler(on_field, pattern=r"^intake:(field|back):\d+"),
        MessageHandler(private & filters.TEXT & _EditReply(), on_edit_reply),
        # A forwarded file stays an upload (handlers/curation.py).
        MessageHandler(private & filters.FORWARDED & ~filters.Document.ALL, on_report),
        MessageHandler(private & filters.TEXT & _ReportText(), on_report),
        MessageHandler(
            group
            & filters.TEXT
            & filters.Entity(MessageEntity.MENTION)
            & (_ReportText() | filters.REPLY),
            on_report,
        ),
    ]
