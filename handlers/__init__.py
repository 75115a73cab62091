"""Telegram handlers: thin adapters from an update to one answer function and back.

Each module serves one command family; :mod:`bot.app` registers them all.
"""
