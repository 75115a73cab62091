"""Intake: a published report (a forwarded post, pasted text or fetched page) read into
proposed claims for an admin to review. Nothing here writes to the database."""

from bot.ingest.intake.extract import propose
from bot.ingest.intake.parties import party_names
from bot.ingest.intake.report import PartyName, Proposal, Report

__all__ = ["PartyName", "Proposal", "Report", "party_names", "propose"]
