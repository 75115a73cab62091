"""/subscribe, /unsubscribe, /subscription. In groups only administrators may change them,
checked with Telegram (getChatMember), never trusted from the message."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import CommandHandler, ContextTypes

from bot.commands.subscriptions import answer_subscribe, answer_subscription, answer_unsubscribe
from bot.core.answer import Answer, fail
from handlers.reply import compute, desk_of, logged, send_answer

ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
REFUSAL = (
    "Sorry, only this group's administrators can change its weekly summary. "
    "/subscription shows what is set."
)


async def may_change(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in ADMINS


@logged("subscribe")
async def on_subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None:
        return None
    if not await may_change(update, context):
        answer = fail("subscribe", REFUSAL)
    else:
        answer = await compute(
            answer_subscribe,
            desk_of(context),
            chat.id,
            chat.type,
            user.id if user else None,
            " ".join(context.args or []),
        )
    await send_answer(message, answer)
    return answer


@logged("unsubscribe")
async def on_unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return None
    if not await may_change(update, context):
        answer = fail("unsubscribe", REFUSAL)
    else:
        answer = await compute(answer_unsubscribe, desk_of(context), chat.id)
    await send_answer(message, answer)
    return answer


@logged("subscription")
async def on_subscription(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Answer | None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return None
    answer = await compute(answer_subscription, desk_of(context), chat.id)
    await send_answer(message, answer)
    return answer


def handlers() -> list[CommandHandler[ContextTypes.DEFAULT_TYPE, None]]:
    return [
        CommandHandler("subscribe", on_subscribe),
        CommandHandler("unsubscribe", on_unsubscribe),
        CommandHandler("subscription", on_subscription),
    ]
