"""Intake extraction: precision and recall on the labelled development set.

    .venv/bin/python -m bench.intake             # both parts, per style; writes RESULTS.md
    .venv/bin/python -m bench.intake --details   # and every wrong or missed proposal

The set is tests/data/intake/: a tuning part, a held-out part never tuned on (its first
batch written before the extractor) and a second held-out part (heldout2.yaml: wire copy,
announcements, long articles, Khmer posts, corrections), written and labelled before the
extractor read it, a third (heldout3.yaml, batches 3a-3g, each written and labelled
before the extractor read it), parts 4-17 (heldout4-17.yaml: everyday styles, parts 5 to
11, 13, 15 and 17 each kept sealed until the fixes before it were done, parts 11, 13, 15 and
17 never tuned on) and parts 18-137 (heldout18-99.yaml, heldout102-137.yaml: the shapes of real
published articles and outlets' everyday output, parts 19-137 each sealed until the fixes before
it were done; parts 100 and 101 were measured once, then lost before they joined the set);
their first measurements are kept below, the clean estimates of the
extractor as it was then, and the general fixes their failures led to are listed in
bench/RESULTS.md.
tests/test_intake_extract.py holds the tuning part and the whole set to precision ≥ 0.90 and
recall ≥ 0.85; the held-out parts alone are measured here. A proposal is right when its
number, former parties, date and party joined match a labelled claim of its text not already
matched; precision counts every proposal, the low-confidence ones too, and is also given for
the high-confidence ones alone. Trap texts
(alliances, mergers, petitions, protests, registrations, plans to join, numbers of other
things, denials) make no claim: any proposal on them is wrong, and a high-confidence one is
counted apart. The time is `propose` per text, the party list compiled each time as callers do.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from bench.common import (
    command_line,
    environment_block,
    loadavg,
    median,
    ms,
    table,
    update_section,
    verdict,
)
from bot.ingest.intake import PartyName, propose
from tests.test_intake_extract import DevText, Score, lexicon_from_data, load_part, score_text

STYLES = ("progov", "independent", "bulletin", "single", "khmer", "trap")

# Each held-out batch's first measurement: batch 1 (h01-h16) once the extractor first passed
# the tuning part (the tree just before commit 54d7cee, whose last two fixes came from unit
# tests); batch 2 (h17-h26) when written, after the fourth tuning round (at 2cfba1a); part 2
# (heldout2.yaml, n01-n33) when written, on the tree of main at 12e18cd.
FIRST_HELDOUT = (
    "batch 1 (h01-h16): precision 14/15 (93.3%), recall 14/16 (87.5%); batch 2 (h17-h26): "
    "precision 8/10 (80.0%), recall 8/9 (88.9%); no high-confidence proposal on a trap; "
    "part 2 batch 1 (n01-n33, written before any fix below): precision 19/30 (63.3%), recall "
    "19/28 (67.9%), one high-confidence proposal on a trap (a correction); part 2 batch 2 "
    "(m01-m14, written after batch 1's fixes): precision 9/12 (75.0%), recall 9/12 (75.0%), "
    "no high-confidence proposal on a trap; part 3 batch 3a (heldout3.yaml, p01-p36, written and "
    "labelled before the extractor read it, on the tree of main at 39c9e6f): precision 16/31 "
    "(51.6%), recall 16/30 (53.3%), no proposal on any of its 10 traps; part 3 batch 3b "
    "(q01-q14, written after batch 3a's fixes, before the extractor read it): precision 9/11 "
    "(81.8%), recall 9/10 (90.0%), one high-confidence proposal on a trap (a claim called "
    "fake); part 3 batch 3c (r01-r13, written after batch 3b's fixes, before the extractor "
    "read it): precision 6/11 (54.5%), recall 6/11 (54.5%), one high-confidence proposal on a "
    "trap (an anniversary of a 2014 move); part 3 batch 3d (s01-s12, written after batch 3c's "
    "fixes, before the extractor read it): precision 5/8 (62.5%), recall 5/10 (50.0%), one "
    "high-confidence proposal on a trap (members threatened unless they joined); part 3 batch 3e "
    "(u01-u10, written after batch 3d's fixes, before the extractor read it): precision 8/8, "
    "recall 8/8, no proposal on its 4 traps; part 3 batch 3f (v01-v10, written after 3e, "
    "before the extractor read it): precision 3/6 (50.0%), recall 3/7 (42.9%), one "
    "high-confidence proposal on a trap (members once reported joined who say they never left); "
    "part 3 batch 3g (w01-w10, written after all the fixes above, before the extractor read "
    "it): precision 4/8 (50.0%), recall 4/8 (50.0%), no proposal on its 4 traps; part 4 "
    "(heldout4.yaml, batches 4a-4c, written and labelled before the extractor read it, on the "
    "tree of main at f514e90): precision 28/63 (44.4%), recall 28/48 (58.3%), 5 high-confidence "
    "proposals on its 12 traps (English 4a+4b: precision 23/44, recall 23/36; Khmer 4c: "
    "precision 5/19, recall 5/12); part 5 (heldout5.yaml, written with part 4 and kept sealed "
    "until part 4's fixes were done, measured once on the tree at 07de852): precision 28/52 "
    "(53.8%), recall 28/40 (70.0%), 3 high-confidence proposals on its 9 traps; part 6 "
    "(heldout6.yaml, sealed until part 5's fixes were done, measured once at ad0959c): "
    "precision 34/47 (72.3%), recall 34/45 (75.6%), 3 high-confidence proposals on its 10 traps; "
    "part 7 (heldout7.yaml, sealed until part 6's fixes were done, measured once at 9c6aea9): "
    "precision 32/51 (62.7%), recall 32/46 (69.6%), 2 high-confidence proposals on its 10 traps; "
    "part 8 (heldout8.yaml, sealed until part 7's fixes were done, measured once at 9b5f591, "
    "after one label naming the wrong party was corrected unseen): precision 41/56 (73.2%), "
    "recall 41/53 (77.4%), 2 high-confidence proposals on its 8 traps; part 9 (heldout9.yaml, "
    "sealed until part 8's fixes were done, measured once at c935f04): precision 33/60 (55.0%), "
    "recall 33/57 (57.9%), 2 high-confidence proposals on its 10 traps; part 10 (heldout10.yaml, "
    "sealed until part 9's fixes were done, measured once at c4ba610): precision 40/56 (71.4%), "
    "recall 40/55 (72.7%), 1 high-confidence proposal on its 10 traps (English 10a: precision "
    "28/35, recall 28/34; 10b, mostly Khmer: precision 12/21, recall 12/21); part 11 "
    "(heldout11.yaml, sealed until part 10's fixes were done, measured once at 70a91ee and "
    "never tuned on, so its row above is this measurement): precision 50/60 (83.3%), recall "
    "50/57 (87.7%), 1 high-confidence proposal on its 10 traps (English 11a: precision 32/37, "
    "recall 32/36; 11b, mostly Khmer: precision 18/23, recall 18/21); part 12 (heldout12.yaml, "
    "written after part 11 was measured, before the extractor read it, measured once at "
    "ae43e34): precision 41/51 (80.4%), recall 41/53 (77.4%), no "
    "proposal on its 10 traps (English 12a: precision 23/31, recall 23/33; 12b, mostly Khmer: "
    "precision 18/20, recall 18/20); part 13 (heldout13.yaml, sealed until part 12's fixes were "
    "done, measured once at a4ed812 and never tuned on): precision 40/50 (80.0%), recall 40/51 "
    "(78.4%), no proposal on its 10 traps (English 13a: precision 23/30, recall 23/31; 13b, "
    "mostly Khmer: precision 17/20, recall 17/20); part 14 (heldout14.yaml, written after part "
    "13 was measured with wording varied on purpose; 14a, English, measured once at 351831e before "
    "any fix: precision 22/29 (75.9%), recall 22/32 (68.8%); 14b only after the first fixes, so "
    "no clean figure); part 15 (heldout15.yaml, sealed until part 14's fixes were done, measured "
    "once at 7f17bb9 and never tuned on): precision 45/51 (88.2%), recall 45/53 (84.9%), 1 "
    "high-confidence proposal on its 10 traps (English 15a: precision 31/33, recall 31/33; 15b, "
    "mostly Khmer: precision 14/18, recall 14/20); part 16 (heldout16.yaml, Khmer posts with "
    "wording varied on purpose, written after part 15 was measured, measured once at 80a970c): "
    "precision 9/15 (60.0%), recall 9/21 (42.9%), 1 high-confidence proposal on its 5 traps; "
    "part 17 (heldout17.yaml, Khmer posts, sealed until part 16's fixes were done, measured once "
    "at a5b615b and never tuned on): precision 17/21 (81.0%), recall 17/22 (77.3%), no "
    "proposal on its 5 traps; part 18 (heldout18.yaml, reports in the shape of real published "
    "articles, written before the extractor read them; 18a, English, measured once at 6e8c873: "
    "precision 21/31 (67.7%), recall 21/31 (67.7%), 1 high-confidence proposal on its 4 traps; "
    "18b, Khmer, measured once at f340104: precision 17/29 (58.6%), recall 17/26 (65.4%), 1 "
    "high-confidence proposal on its 4 traps); part 19 (heldout19.yaml, the same shapes, sealed "
    "until part 18's fixes were done; 19a, English, measured once at 02636c4: precision 20/28 "
    "(71.4%), recall 20/27 (74.1%); 19b, Khmer, measured once at 837da22: precision 16/24 "
    "(66.7%), recall 16/23 (69.6%); no high-confidence proposal on their 8 traps); part 20 "
    "(heldout20.yaml, the same shapes, sealed until part 19's fixes were done; 20a, English, "
    "measured once at 3d60fdc: precision 22/34 (64.7%), recall 22/30 (73.3%); 20b, Khmer, "
    "measured once after 20a's first fixes: precision 17/27 (63.0%), recall 17/22 (77.3%); no "
    "high-confidence proposal on their 8 traps); part 21 (heldout21.yaml, the everyday output "
    "of real outlets: translated wire copy, daily items, official posts; sealed until part 20's "
    "fixes were done; 21a, English, measured once at 9f8f87c: precision 20/29 (69.0%), recall "
    "20/33 (60.6%); 21b, Khmer, measured once at bb42669: precision 17/27 (63.0%), recall 17/24 "
    "(70.8%); no high-confidence proposal on their 8 traps); part 22 (heldout22.yaml, a "
    "newsroom inbox's week: articles, wire copy, posts, TV scripts, captions, press releases, "
    "columns, corrections; sealed until part 21's fixes were done; 22a, English, measured once "
    "at 4433d5d: precision 21/28 (75.0%), recall 21/27 (77.8%), 1 high-confidence proposal on "
    "its 5 traps; 22b, Khmer, measured once at 30fd240: precision 19/30 (63.3%), recall 19/27 "
    "(70.4%), no proposal on its 5 traps); part 23 (heldout23.yaml, the kinds of parts 18, 21 "
    "and 22 mixed, sealed until part 22's fixes were done; 23a, English, measured once at "
    "020c478: precision 20/29 (69.0%), recall 20/28 (71.4%); 23b, Khmer, measured once at "
    "b430905: precision 21/30 (70.0%), recall 21/30 (70.0%); no high-confidence proposal on "
    "their 10 traps); part 24 (heldout24.yaml, a feed weighted like a real one, sealed until "
    "part 23's fixes were done; 24a, English, measured once at 1e7db90: precision 25/34 "
    "(73.5%), recall 25/31 (80.6%); 24b, Khmer, measured once at c49d3ad: precision 22/32 "
    "(68.8%), recall 22/31 (71.0%); no high-confidence proposal on their 8 traps); part 25 "
    "(heldout25.yaml, the same feed, its writers asked to avoid stock phrasings, sealed until "
    "part 24's fixes were done; 25a, English, measured once at ca2d981: precision 15/31 (48.4%), "
    "recall 15/30 (50.0%); 25b, Khmer, measured once at 82d9621: precision 14/26 (53.8%), "
    "recall 14/28 (50.0%); 1 low-confidence proposal on their 8 traps); part 26 (heldout26.yaml, "
    "the same feed, sealed until part 25's fixes were done; 26a, English, measured once at "
    "e7797a6: precision 29/37 (78.4%), recall 29/34 (85.3%), 1 low-confidence proposal on its 4 "
    "traps; 26b, Khmer, measured once at e7797a6: precision 22/31 (71.0%), recall 22/29 (75.9%)); "
    "part 27 (heldout27.yaml, the same feed, sealed until part 26's fixes were done; 27a, English, "
    "measured once at a791da8: precision 21/28 (75.0%), recall 21/32 (65.6%); 27b, Khmer, "
    "measured once at 9bf4ec7: precision 15/23 (65.2%), recall 15/27 (55.6%); no proposal on "
    "their 8 traps); part 28 (heldout28.yaml, the same feed, sealed until part 27's fixes were "
    "done; 28a, English, measured once at 3eeb1aa: precision 22/26 (84.6%), recall 22/34 "
    "(64.7%); 28b, Khmer, measured once at 3a4ec94: precision 19/27 (70.4%), recall 19/26 "
    "(73.1%); no proposal on their 8 traps); part 29 (heldout29.yaml, the same feed, many texts "
    "set in January-June 2023, sealed until part 28's fixes were done; 29a, English, measured "
    "once at 057d7ff: precision 33/34 (97.1%), recall 33/36 (91.7%), no proposal on its 4 "
    "traps; 29b, Khmer, measured once at 717b76a: precision 20/24 (83.3%), recall 20/28 (71.4%), "
    "1 high-confidence proposal on its 4 traps); part 30 (heldout30.yaml, the same feed, its "
    "writers asked for phrasings unlike stock news copy, sealed until part 29's fixes were done; "
    "30a, English, measured once at b4d1f49: precision 21/34 (61.8%), recall 21/35 (60.0%), 1 "
    "high-confidence proposal on its 4 traps; 30b, Khmer, measured once at 554ce1a: precision "
    "19/28 (67.9%), recall 19/28 (67.9%), 1 high-confidence proposal on its 4 traps); parts 31 "
    "and 32 (heldout31.yaml and heldout32.yaml, the same feed, all four half-batches sealed "
    "until part 30's fixes were done and measured once on the same commit, d145dee: 31a, "
    "English, precision 30/35 (85.7%), recall 30/37 (81.1%); 31b, Khmer, precision 24/28 "
    "(85.7%), recall 24/28 (85.7%), 2 high-confidence proposals on its 4 traps; 32a, English, "
    "precision 34/42 (81.0%), recall 34/44 (77.3%); 32b, Khmer, precision 18/23 (78.3%), recall "
    "18/25 (72.0%); no high-confidence proposal on the other 12 traps); parts 33 and 34 "
    "(heldout33.yaml and heldout34.yaml, the same feed, sealed until part 32's fixes were done; "
    "33a, English, measured once at f7b2fe7: precision 33/33 (100.0%), recall 33/36 (91.7%); "
    "33b, Khmer, measured once at f7b2fe7: precision 15/22 (68.2%), recall 15/28 (53.6%); 34a, "
    "English, measured once at f7b2fe7: precision 33/35 (94.3%), recall 33/36 (91.7%), 1 "
    "high-confidence proposal on its 4 traps; 34b, Khmer, measured once at 9f2a2de: precision "
    "21/28 (75.0%), recall 21/29 (72.4%); no high-confidence proposal on the other 12 traps); "
    "parts 35 and 36 (heldout35.yaml and heldout36.yaml, the same feed, sealed until part 34's "
    "fixes were done, all four half-batches measured once on the extractor of ac8a68e: 35a, "
    "English, precision 30/36 (83.3%), recall 30/38 (78.9%), 1 high-confidence proposal on its "
    "4 traps; 35b, Khmer, precision 22/25 (88.0%), recall 22/26 (84.6%), 1 high-confidence "
    "proposal on its 4 traps; 36a, English, precision 25/30 (83.3%), recall 25/35 (71.4%); "
    "36b, Khmer, precision 23/31 (74.2%), recall 23/27 (85.2%), 2 high-confidence proposals on "
    "its 4 traps); part 37 (heldout37.yaml, the same feed, sealed until part 36's fixes were "
    "done, both halves measured once at 1a2ae1c: 37a, English, precision 25/33 (75.8%), recall "
    "25/35 (71.4%); 37b, Khmer, precision 21/26 (80.8%), recall 21/28 (75.0%); no "
    "high-confidence proposal on their 8 traps); part 38 (heldout38.yaml, the same feed, sealed "
    "until part 37's fixes were done, both halves measured once at 40f39a7: 38a, English, "
    "precision 29/35 (82.9%), recall 29/37 (78.4%); 38b, Khmer, precision 22/27 (81.5%), "
    "recall 22/27 (81.5%); no high-confidence proposal on their 8 traps); part 39 "
    "(heldout39.yaml, the same feed, sealed until part 38's fixes were done, both halves "
    "measured once at 2aae240: 39a, English, precision 35/38 (92.1%), recall 35/40 (87.5%); "
    "39b, Khmer, precision 23/28 (82.1%), recall 23/26 (88.5%); no high-confidence proposal "
    "on their 8 traps); part 40 (heldout40.yaml, the same feed, sealed until part 39's fixes "
    "were done, both halves measured once at 93bac19: 40a, English, precision 23/28 (82.1%), "
    "recall 23/35 (65.7%), 1 high-confidence proposal on its 4 traps; 40b, Khmer, precision "
    "28/33 (84.8%), recall 28/30 (93.3%), 1 high-confidence proposal on its 4 traps); part 41 "
    "(heldout41.yaml, the same feed, sealed until part 40's fixes were done, both halves "
    "measured once at 01cedee: 41a, English, precision 28/30 (93.3%), recall 28/34 (82.4%); "
    "41b, Khmer, precision 25/29 (86.2%), recall 25/29 (86.2%); no high-confidence proposal "
    "on their 8 traps); parts 42 and 43 (heldout42.yaml and heldout43.yaml, the same feed, "
    "42 sealed until part 41's fixes were done and measured once at 4639b51, 43 sealed until "
    "part 42's were and measured once at 346f882: 42a, English, precision 29/35 (82.9%), recall "
    "29/37 (78.4%); 42b, Khmer, precision 20/24 (83.3%), recall 20/26 (76.9%); 43a, English, "
    "precision 25/34 (73.5%), recall 25/35 (71.4%), 1 high-confidence proposal on its 4 traps; "
    "43b, Khmer, precision 17/23 (73.9%), recall 17/26 (65.4%)); parts 44 and 45 (heldout44.yaml "
    "and heldout45.yaml, the same feed, both sealed until part 43's fixes were done and measured "
    "once at f6ae4ce: 44a, English, precision 30/35 (85.7%), recall 30/37 (81.1%); 44b, Khmer, "
    "precision 22/27 (81.5%), recall 22/28 (78.6%); 45a, English, precision 37/43 (86.0%), "
    "recall 37/40 (92.5%), 2 high-confidence proposals on its 4 traps; 45b, Khmer, precision "
    "21/24 (87.5%), recall 21/29 (72.4%)); parts 46 and 47 (heldout46.yaml and heldout47.yaml, "
    "the same feed, both sealed until part 45's fixes were done and measured once at 3e22dde: "
    "46a, English, precision 30/32 (93.8%), recall 30/35 (85.7%); 46b, Khmer, precision 21/27 "
    "(77.8%), recall 21/27 (77.8%), 1 high-confidence proposal on its 4 traps; 47a, English, "
    "precision 28/34 (82.4%), recall 28/37 (75.7%); 47b, Khmer, precision 22/27 (81.5%), recall "
    "22/26 (84.6%)); parts 48 and 49 (heldout48.yaml and heldout49.yaml, the same feed, both "
    "sealed until part 47's fixes were done and measured once at a873b0b, not yet used for any "
    "fix: 48a, English, precision 31/33 (93.9%), recall 31/35 (88.6%); 48b, Khmer, precision "
    "23/26 (88.5%), recall 23/26 (88.5%); 49a, English, precision 28/30 (93.3%), recall 28/32 "
    "(87.5%); 49b, Khmer, precision 20/24 (83.3%), recall 20/25 (80.0%); no high-confidence "
    "proposal on their 16 traps); parts 50 and 51 (heldout50.yaml and heldout51.yaml, the same "
    "feed, both sealed until then and measured once at e41f2ab, whose extractor is a873b0b's: "
    "50a, English, precision 28/34 (82.4%), recall 28/34 (82.4%); 50b, Khmer, precision 23/29 "
    "(79.3%), recall 23/29 (79.3%); 51a, English, precision 31/35 (88.6%), recall 31/36 "
    "(86.1%); 51b, Khmer, precision 24/27 (88.9%), recall 24/26 (92.3%), 1 high-confidence "
    "proposal on its 4 traps); parts 52 and 53 (heldout52.yaml and heldout53.yaml, the same "
    "feed, both sealed until part 51's fixes were done and measured once at e2e149e: 52a, "
    "English, precision 26/29 (89.7%), recall 26/32 (81.2%); 52b, Khmer, precision 21/24 "
    "(87.5%), recall 21/28 (75.0%); 53a, English, precision 37/42 (88.1%), recall 37/40 "
    "(92.5%); 53b, Khmer, precision 23/28 (82.1%), recall 23/26 (88.5%), 1 high-confidence "
    "proposal on its 4 traps); parts 54 and 55 (heldout54.yaml and heldout55.yaml, the same "
    "feed, both sealed until part 53's fixes were done and measured once at 5703dfb: 54a, "
    "English, precision 28/37 (75.7%), recall 28/35 (80.0%), 1 high-confidence proposal on "
    "its 4 traps; 54b, Khmer, precision 22/26 (84.6%), recall 22/28 (78.6%); 55a, English, "
    "precision 31/32 (96.9%), recall 31/33 (93.9%); 55b, Khmer, precision 17/26 (65.4%), "
    "recall 17/28 (60.7%)); parts 56 and 57 (heldout56.yaml and heldout57.yaml, the same feed, "
    "both sealed until part 55's fixes were done and measured once at dbbdaf0, not used for any "
    "fix but 57b's one trap proposal, which led to one rule after it was measured: 56a, "
    "English, precision 34/35 (97.1%), recall 34/34 (100.0%); 56b, Khmer, "
    "precision 23/27 (85.2%), recall 23/27 (85.2%); 57a, English, precision 31/35 (88.6%), "
    "recall 31/36 (86.1%); 57b, Khmer, precision 30/35 (85.7%), recall 30/35 (85.7%), 1 "
    "high-confidence proposal on its 4 traps); parts 58 and 59 (heldout58.yaml and "
    "heldout59.yaml, the same feed, both sealed until the session's last rule was in and measured "
    "once at 0e8c970, whose extractor is da1fcb1's, never used for a fix: 58a, English, "
    "precision 29/32 (90.6%), recall 29/35 (82.9%); 58b, Khmer, precision 23/25 (92.0%), "
    "recall 23/25 (92.0%); 59a, English, precision 30/31 (96.8%), recall 30/32 (93.8%); 59b, "
    "Khmer, precision 20/24 (83.3%), recall 20/25 (80.0%); no high-confidence proposal on "
    "their 16 traps); parts 60 and 61 (heldout60.yaml and heldout61.yaml, the same feed, "
    "written in a later session to a labelling guide rewritten from the labels before, both "
    "sealed until measured once at 548cf2d, whose extractor is de45864's: 60a, English, "
    "precision 30/34 (88.2%), recall 30/34 (88.2%), 2 high-confidence proposals on its 4 "
    "traps; 60b, Khmer, precision 31/32 (96.9%), recall 31/31 (100.0%), 1 on its 4 traps; "
    "61a, English, precision 31/39 (79.5%), recall 31/34 (91.2%), 2 on its 4 traps; 61b, "
    "Khmer, precision 25/31 (80.6%), recall 25/29 (86.2%), 1 on its 4 traps (one of its "
    "misses a label the rewritten guide got wrong: a party the list does not know, labelled in "
    "an English rendering where intake keeps the text's Khmer spelling; relabelled after the "
    "measurement, 26/31 and 26/29 with it)); parts 62 and 63 (heldout62.yaml and "
    "heldout63.yaml, the same feed and guide, both sealed until part 61's fixes were done and "
    "measured once at 5243cf0: 62a, English, precision 24/32 (75.0%), recall 24/33 (72.7%), "
    "1 high-confidence proposal on its 4 traps; 62b, Khmer, precision 33/34 (97.1%), recall "
    "33/33 (100.0%), 1 on its 4 traps; 63a, English, precision 30/35 (85.7%), recall 30/34 "
    "(88.2%), 1 on its 4 traps; 63b, Khmer, precision 25/29 (86.2%), recall 25/30 (83.3%), 1 "
    "on its 4 traps); parts 64 and 65 (heldout64.yaml and heldout65.yaml, the same feed and "
    "guide, both sealed until part 63's fixes were done and measured once at fbc5ba2: 64a, "
    "English, precision 33/34 (97.1%), recall 33/34 (97.1%), 1 high-confidence proposal on its "
    "4 traps; 64b, Khmer, precision 25/28 (89.3%), recall 25/30 (83.3%); 65a, English, "
    "precision 28/34 (82.4%), recall 28/36 (77.8%), 1 on its 4 traps; 65b, Khmer, precision "
    "28/30 (93.3%), recall 28/31 (90.3%)); parts 66 and 67 (heldout66.yaml and heldout67.yaml, "
    "the same feed and guide, both sealed until the session's last rule was in and measured "
    "once at d685a2d, the extractor this session ends with, never tuned on: 66a, English, "
    "precision 30/36 (83.3%), recall 30/34 (88.2%); 66b, Khmer, precision 27/29 (93.1%), "
    "recall 27/30 (90.0%); 67a, English, precision 31/33 (93.9%), recall 31/33 (93.9%); 67b, "
    "Khmer, precision 26/28 (92.9%), recall 26/30 (86.7%); 1 high-confidence proposal on the 4 "
    "traps of each half: a card renewal for existing members, a site's own retraction in Khmer, "
    "a speech recalling one man's move, a congress recalling a past move; their failures were "
    "fixed in the next session, at 359888d); parts 68 and 69 (heldout68.yaml and heldout69.yaml, "
    "the same feed and guide, written while part 67's failures were fixed, sealed until then "
    "and measured once at 359888d, whose rules no text of theirs had led to: 68a, English, "
    "precision 29/36 (80.6%), recall 29/35 (82.9%), 1 high-confidence proposal on its 4 traps "
    "(a veteran's look back at his move seven years before); 68b, Khmer, precision 30/32 "
    "(93.8%), recall 30/32 (93.8%); 69a, English, precision 30/31 (96.8%), recall 30/31 "
    "(96.8%); 69b, Khmer, precision 30/31 (96.8%), recall 30/33 (90.9%); fixed at 08c64c7 and "
    "3367f27); parts 70 and 71 (heldout70.yaml and heldout71.yaml, the same feed and guide, "
    "with harder shapes asked for (radio and TV scripts, stilted translations, interviews, "
    "monitor tables, fact checks), sealed until measured once at 3367f27: 70a, English, "
    "precision 31/40 (77.5%), recall 31/36 (86.1%), 3 high-confidence proposals on its 4 "
    "traps; 70b, Khmer, precision 37/39 (94.9%), recall 37/39 (94.9%), 1 on its 4 traps; 71a, "
    "English, precision 27/37 (73.0%), recall 27/36 (75.0%); 71b, Khmer, precision 31/34 "
    "(91.2%), recall 31/33 (93.9%), 1 on its 4 traps); parts 72 and 73 (the same, sealed "
    "until measured once at ffe2a61: 72a, English, precision 30/37 (81.1%), recall 30/37 "
    "(81.1%), 1 high-confidence proposal on its 4 traps; 72b, Khmer, precision 30/32 (93.8%), "
    "recall 30/30 (100.0%); 73a, English, precision 27/33 (81.8%), recall 27/38 (71.1%); 73b, "
    "Khmer, precision 28/30 (93.3%), recall 28/31 (90.3%)); parts 74 and 75 (the same, sealed "
    "until measured once at 9502743: 74a, English, precision 27/34 (79.4%), recall 27/34 "
    "(79.4%); 74b, Khmer, precision 28/29 (96.6%), recall 28/29 (96.6%); 75a, English, "
    "precision 31/38 (81.6%), recall 31/36 (86.1%); 75b, Khmer, precision 31/34 (91.2%), "
    "recall 31/32 (96.9%), 1 high-confidence proposal on its 4 traps); parts 76 and 77 (the "
    "same, sealed until measured once at 43e53d4: 76a, English, precision 28/34 (82.4%), "
    "recall 28/33 (84.8%); 76b, Khmer, precision 30/33 (90.9%), recall 30/33 (90.9%), 1 "
    "high-confidence proposal on its 4 traps; 77a, English, precision 27/32 (84.4%), recall "
    "27/33 (81.8%); 77b, Khmer, precision 29/35 (82.9%), recall 29/34 (85.3%)); parts 78 and "
    "79 (the same, sealed until measured once at 22cc08c: 78a, English, precision 28/38 "
    "(73.7%), recall 28/36 (77.8%), 1 high-confidence proposal on its 4 traps; 78b, Khmer, "
    "precision 28/36 (77.8%), recall 28/33 (84.8%); 79a, English, precision 24/32 (75.0%), "
    "recall 24/34 (70.6%); 79b, Khmer, precision 24/26 (92.3%), recall 24/29 (82.8%)); parts "
    "80 and 81 (the same, sealed until measured once at afbead6: 80a, English, precision 24/35 "
    "(68.6%), recall 24/35 (68.6%); 80b, Khmer, precision 27/33 (81.8%), recall 27/40 "
    "(67.5%); 81a, English, precision 28/33 (84.8%), recall 28/33 (84.8%), 1 high-confidence "
    "proposal on its 4 traps; 81b, Khmer, precision 25/27 (92.6%), recall 25/27 (92.6%)); "
    "parts 82 and 83 (the same, sealed until measured once at 71f7c4c: 82a, English, "
    "precision 23/37 (62.2%), recall 23/35 (65.7%), 1 high-confidence proposal on its 4 traps; "
    "82b, Khmer, precision 28/28 (100.0%), recall 28/29 (96.6%); 83a, English, precision "
    "29/34 (85.3%), recall 29/34 (85.3%); 83b, Khmer, precision 25/27 (92.6%), recall 25/26 "
    "(96.2%)); parts 84 and 85 (the same, sealed until measured once at fd455cd: 84a, "
    "English, precision 33/37 (89.2%), recall 33/35 (94.3%), 1 high-confidence proposal on its "
    "4 traps; 84b, Khmer, precision 25/26 (96.2%), recall 25/26 (96.2%); 85a, English, "
    "precision 28/36 (77.8%), recall 28/33 (84.8%); 85b, Khmer, precision 23/28 (82.1%), "
    "recall 23/27 (85.2%)); parts 86 and 87 (the same, sealed until measured once at 4038cc0: "
    "86a, English, precision 28/35 (80.0%), recall 28/37 (75.7%), 1 high-confidence proposal "
    "on its 4 traps; 86b, Khmer, precision 34/40 (85.0%), recall 34/42 (81.0%); 87a, English, "
    "precision 35/37 (94.6%), recall 35/36 (97.2%); 87b, Khmer, precision 28/30 (93.3%), "
    "recall 28/29 (96.6%)); parts 88 and 89 (the same, sealed until measured once at ef87574: "
    "88a, English, precision 28/35 (80.0%), recall 28/33 (84.8%); 88b, Khmer, precision 25/30 "
    "(83.3%), recall 25/31 (80.6%); 89a, English, precision 25/29 (86.2%), recall 25/30 "
    "(83.3%); 89b, Khmer, precision 28/31 (90.3%), recall 28/31 (90.3%)); parts 90 and 91 "
    "(the same, sealed until measured once at bae29f6: 90a, English, hard-wrapped at about "
    "110 characters a line, precision 8/26 (30.8%), recall 8/31 (25.8%); 90b, Khmer, precision "
    "31/37 (83.8%), recall 31/38 (81.6%); 91a, English, precision 28/39 (71.8%), recall 28/37 "
    "(75.7%), 4 high-confidence proposals on one of its 4 traps; 91b, Khmer, precision 23/30 "
    "(76.7%), recall 23/34 (67.6%), 1 on its 4 traps); parts 92 and 93 (the same, sealed until "
    "measured once at 0ca9d05: 92a, English, precision 18/34 (52.9%), recall 18/31 (58.1%), 1 "
    "on its 4 traps; 92b, Khmer, precision 28/30 (93.3%), recall 28/30 (93.3%); 93a, English, "
    "precision 24/31 (77.4%), recall 24/36 (66.7%); 93b, Khmer, precision 28/31 (90.3%), "
    "recall 28/31 (90.3%), 1 on its 4 traps); parts 94 and 95 (the same, sealed until measured "
    "once at 07bc53e: 94a, English, precision 33/37 (89.2%), recall 33/36 (91.7%); 94b, Khmer, "
    "precision 26/28 (92.9%), recall 26/28 (92.9%); 95a, English, precision 28/35 (80.0%), "
    "recall 28/32 (87.5%), 2 on one of its 4 traps; 95b, Khmer, precision 30/32 (93.8%), "
    "recall 30/31 (96.8%)); parts 96 and 97 (the same, sealed until measured once at 53b3b68: "
    "96a, English, precision 30/35 (85.7%), recall 30/33 (90.9%); 96b, Khmer, precision 24/30 "
    "(80.0%), recall 24/28 (85.7%), 1 on its 4 traps; 97a, English, precision 29/32 (90.6%), "
    "recall 29/33 (87.9%); 97b, Khmer, precision 24/28 (85.7%), recall 24/28 (85.7%)); parts "
    "98 and 99 (the same, sealed until measured once at 65399d8: 98a, English, precision 30/35 "
    "(85.7%), recall 30/35 (85.7%); 98b, Khmer, precision 24/30 (80.0%), recall 24/34 (70.6%), "
    "1 on its 4 traps; 99a, English, precision 30/32 (93.8%), recall 30/34 (88.2%); 99b, Khmer, "
    "precision 24/28 (85.7%), recall 24/28 (85.7%), 1 on its 4 traps); parts 100 and 101 (the "
    "same, sealed until measured once at 5ebb97e: 100a+100b precision 63/67 (94.0%), recall "
    "63/66 (95.5%); 101a+101b precision 46/59 (78.0%), recall 46/61 (75.4%); their texts were "
    "lost with a machine before they joined the set, so no row below is theirs); parts 102 and "
    "103 (the same, sealed until measured once at 68ea46a: 102a, English, precision 26/41 "
    "(63.4%), recall 26/38 (68.4%), high-confidence proposals on 2 of its 4 traps; 102b, "
    "Khmer, precision 26/35 (74.3%), recall 26/31 (83.9%); 103a, English, precision 32/37 "
    "(86.5%), recall 32/34 (94.1%); 103b, Khmer, precision 25/35 (71.4%), recall 25/32 "
    "(78.1%)); parts 104 and 105 (the same, sealed until measured once at b33be31: 104a, "
    "English, precision 27/33 (81.8%), recall 27/36 (75.0%), 1 on its 4 traps; 104b, Khmer, "
    "precision 18/25 (72.0%), recall 18/26 (69.2%); 105a, English, precision 34/40 (85.0%), "
    "recall 34/38 (89.5%), 1 on its 4 traps; 105b, Khmer, precision 24/30 (80.0%), recall "
    "24/30 (80.0%)); parts 106 and 107 (the same, sealed until measured once: the English "
    "halves at f8aae47, 106a precision 26/36 (72.2%), recall 26/35 (74.3%), 1 on its 4 traps, "
    "107a precision 29/34 (85.3%), recall 29/35 (82.9%), 1 on its 4 traps; the Khmer halves at "
    "17c8a56, after the English halves' fixes, 106b precision 26/29 (89.7%), recall 26/30 "
    "(86.7%), 1 on its 4 traps, 107b precision 23/25 (92.0%), recall 23/28 (82.1%)); parts 108 "
    "and 109 (the same, sealed until measured once with the extractor of 72edb12: 108a, "
    "English, precision 30/32 (93.8%), recall 30/32 (93.8%); 108b, Khmer, precision 22/27 "
    "(81.5%), recall 22/26 (84.6%), 2 on its 4 traps; 109a, English, precision 26/32 (81.2%), "
    "recall 26/33 (78.8%); 109b, Khmer, precision 28/32 (87.5%), recall 28/30 (93.3%)); parts "
    "110 and 111 (the same, sealed until measured once: the English halves at 04b7c76, 110a "
    "precision 28/34 (82.4%), recall 28/38 (73.7%), 111a precision 23/26 (88.5%), recall 23/30 "
    "(76.7%); the Khmer halves at 5222348, after the English halves' fixes, 110b precision "
    "23/28 (82.1%), recall 23/28 (82.1%), 1 on its 4 traps, 111b precision 15/18 (83.3%), "
    "recall 15/29 (51.7%)); parts 112 and 113 (the same, all four halves sealed until measured "
    "once with the extractor of 84021bb: 112a, English, precision 38/43 (88.4%), recall 38/40 "
    "(95.0%), 1 on its 4 traps; 112b, Khmer, precision 29/33 (87.9%), recall 29/30 (96.7%), 2 "
    "on its 4 traps; 113a, English, precision 33/39 (84.6%), recall 33/35 (94.3%); 113b, "
    "Khmer, precision 22/26 (84.6%), recall 22/32 (68.8%)); parts 114 and 115 (the same, all "
    "four halves sealed until measured once with the extractor of 2101e27: 114a, English, "
    "precision 34/42 (81.0%), recall 34/37 (91.9%); 114b, Khmer, precision 26/29 (89.7%), "
    "recall 26/32 (81.2%); 115a, English, precision 25/34 (73.5%), recall 25/36 (69.4%), 1 on "
    "its 4 traps; 115b, Khmer, precision 25/29 (86.2%), recall 25/28 (89.3%)); parts 116 and "
    "117 (the same, all four halves sealed until measured once with the extractor of bc3371f: "
    "116a, English, precision 26/35 (74.3%), recall 26/35 (74.3%); 116b, Khmer, precision 28/30 "
    "(93.3%), recall 28/29 (96.6%); 117a, English, precision 25/31 (80.6%), recall 25/32 "
    "(78.1%); 117b, Khmer, precision 25/29 (86.2%), recall 25/30 (83.3%)); parts 118 and 119 "
    "(the same, all four halves sealed until measured once with the extractor of b147cdb: "
    "118a, English, precision 23/31 (74.2%), recall 23/35 (65.7%), 2 on its 4 traps; 118b, "
    "Khmer, precision 12/27 (44.4%), recall 12/28 (42.9%), 1 on its 4 traps, most of its texts "
    "pasted with their lines broken at spaces; 119a, English, precision 23/25 (92.0%), recall "
    "23/33 (69.7%); 119b, Khmer, precision 21/24 (87.5%), recall 21/30 (70.0%)); part 120 "
    "(the most ordinary, everyday items, both halves sealed until measured once with the "
    "extractor of 987cecc: 120a, English, precision 27/34 (79.4%), recall 27/32 (84.4%); 120b, "
    "Khmer, precision 27/30 (90.0%), recall 27/29 (93.1%), 1 on its 4 traps); parts 121 and "
    "122 (full-length articles with background and earlier events, and short social posts, "
    "captions and briefs, all four halves sealed until measured once with the extractor of "
    "14648a4: 121a, English, precision 31/47 (66.0%), recall 31/39 (79.5%); 121b, Khmer, "
    "precision 39/39 (100.0%), recall 39/39 (100.0%); 122a, English, precision 28/30 (93.3%), "
    "recall 28/31 (90.3%); 122b, Khmer, precision 31/32 (96.9%), recall 31/31 (100.0%), 1 on "
    "its 4 traps); parts 123 and 124 (follow-ups, features, interviews and round-ups, and wire "
    "copy, releases and headlined news items, the same, with the extractor of 75d434d: 123a, "
    "English, precision 38/45 (84.4%), recall 38/42 (90.5%), 1 on its 4 traps; 123b, Khmer, "
    "precision 23/30 (76.7%), recall 23/33 (69.7%); 124a, English, precision 29/33 (87.9%), "
    "recall 29/32 (90.6%); 124b, Khmer, precision 28/31 (90.3%), recall 28/31 (90.3%)); parts "
    "125 and 126 (a newsroom's everyday intake, and items from the whole period 2021-2026, the "
    "same, with the extractor of 5d5d0c9: 125a, English, precision 29/31 (93.5%), recall 29/32 "
    "(90.6%); 125b, Khmer, precision 30/31 (96.8%), recall 30/31 (96.8%); 126a, English, "
    "precision 34/37 (91.9%), recall 34/38 (89.5%); 126b, Khmer, precision 26/30 (86.7%), "
    "recall 26/37 (70.3%)); part 127 (a feed weighted like a real one, the most ordinary "
    "everyday items, both halves sealed until measured once with the extractor of ba1db23: "
    "127a, English, precision 30/34 (88.2%), recall 30/32 (93.8%); 127b, Khmer, precision "
    "26/30 (86.7%), recall 26/29 (89.7%), 1 on its 4 traps); parts 128 and 129 (typical news "
    "items of January-June 2023, and short everyday items of 2023-2026, each half sealed until "
    "measured once with the extractor of 6421e5e: 128a, English, precision 29/36 (80.6%), "
    "recall 29/33 (87.9%), 2 on its 4 traps; 128b, Khmer, precision 29/30 (96.7%), recall "
    "29/32 (90.6%); 129a, English, precision 23/27 (85.2%), recall 23/25 (92.0%), 1 on its 4 "
    "traps; 129b, Khmer, precision 25/27 (92.6%), recall 25/27 (92.6%)); parts 130 and 131 "
    "(items from after the July 2023 election, and translated English and party statements "
    "and letters, the same, with the extractor of 7139550: 130a, English, precision 24/31 "
    "(77.4%), recall 24/30 (80.0%), 1 on its 4 traps; 130b, Khmer, precision 25/31 (80.6%), "
    "recall 25/33 (75.8%), 1 on its 4 traps; 131a, English, precision 21/29 (72.4%), recall "
    "21/26 (80.8%); 131b, Khmer, precision 23/27 (85.2%), recall 23/26 (88.5%)); parts 132 "
    "and 133 (the most typical items of January-June 2023, and items where the defection is "
    "only part of the story, the same, with the extractor of 8fe58c0, 132b with that of "
    "830f4a3: 132a, English, precision 25/31 (80.6%), recall 25/30 (83.3%), 1 on its 4 traps; "
    "132b, Khmer, precision 24/26 (92.3%), recall 24/29 (82.8%), 1 on its 4 traps; 133a, "
    "English, precision 23/33 (69.7%), recall 23/32 (71.9%); 133b, Khmer, precision 26/29 "
    "(89.7%), recall 26/29 (89.7%)); parts 134 and 135 (aggregator summaries and Telegram "
    "posts, and ordinary follow-ups and checks of numbers, the same, with the extractor of "
    "49995bb, 134b and 135b with that of 5b4bd28: 134a, English, precision 29/35 (82.9%), "
    "recall 29/34 (85.3%); 134b, Khmer, precision 25/26 (96.2%), recall 25/28 (89.3%); 135a, "
    "English, precision 21/27 (77.8%), recall 21/27 (77.8%), 1 on its 4 traps; 135b, Khmer, "
    "precision 21/26 (80.8%), recall 21/24 (87.5%)); parts 136 and 137 (counts and days "
    "written in the many ways writers do, and ordinary days' feeds of 2023, each half sealed "
    "until measured once with the extractor of 8849603: 136a, English, precision 22/29 "
    "(75.9%), recall 22/29 (75.9%), 2 on its 4 traps; 136b, Khmer, precision 23/31 (74.2%), "
    "recall 23/32 (71.9%); 137a, English, precision 22/26 (84.6%), recall 22/27 (81.5%), 1 on "
    "its 4 traps; 137b, Khmer, precision 23/24 (95.8%), recall 23/25 (92.0%))"
)
# What each failure category of part 2 (and the reviewer's case) led to: general rules, each
# with its unit test in tests/test_intake_extract.py. The m-batch rules marked * also fixed
# the three failures of the first held-out part (h06, h18, h20), so that part's figure is no
# longer a clean held-out measurement (its first measurements above are).
FIXES = (
    "dates (n01, n10, n21, n28, m14): a wire dateline dates the writing; weekdays and 'today' "
    "count back from it; 'since/after/before the July 23 election' bounds, 'posted on its page "
    "on Wednesday', 'told the Evening Post on Monday', 'learned on Monday' date the saying; "
    "without a published date a date written with its year gives the others theirs",
    "person vs party (reviewer's case, n14): a name before 'Party' is no person and known "
    "party names are never people, so one named person counts 1; a role word names a person "
    "('activist Kong Korm', 'veteran Moeun Sophal'); who presides or welcomes did not move",
    "claimant (reviewer's case, n14, m06): 'the outlet said' is the source the text named "
    "last, else the report's outlet, never the words; ', per X' cites X",
    "party roles (n04, n23, m14, h18*): an arrow marks the party joined; a welcomed group's "
    "'members of' party is its former one; parties listed together share a role; 'joined "
    "the ranks of'; 'was received by' completes a move",
    "Khmer (n06, n33): Khmer number words before a counter are read; 'ខែកញ្ញា' is September, "
    "not the title 'Miss'",
    "not a claim (n09, n10, n20): corrections and retractions; totals 'since the election'; "
    "a swearing-in to office",
    "counts and sources (m13, h06*, h20*): counts of one group joined by 'and' are summed; a "
    "party before an act verb is no source; a pronoun's leaving beside one person's joining "
    "is that joining",
    "probes (phrasings no dev text holds, tried after part 2, not scored): who welcomes or "
    "receives is the host and what follows the verb the guests ('ten thousand supporters "
    "welcomed the prime minister' is no claim); 'a ceremony to receive 300'; 'received CPP "
    "membership cards'; 'accepted 30 new members'; 'Mr. A and Mr. B, both former officials' "
    "count 2; 'X told RFA he joined'; a relative clause's joining ('activists who joined the "
    "CPP last year have returned to the CLP') tells who, not what; a Khmer weekday alone",
)
# What each failure category of part 3 led to, by the batch that showed it.
FIXES_PART3 = (
    "dates (3a, 3b): numeric day-first dates with their year (6/7/2023, 14.11.2023, "
    "20-06-2023); 'reported joining on' dates the act; 'announced on 29 August' dates a move "
    "that has no date of its own (as the published date would, a later own date wins); a "
    "later 'handed over their party cards on', 'he made the decision on', 'the resignations "
    "were submitted on' dates the move told before; a move dated over a year before "
    "publication is history; a bulletin's '28/05 Takeo:' (3g)",
    "counts (3a, 3c-3f): counts in brackets after their noun or party ('members (64)', 'the "
    "CLP (about 900)'); a total broken down by party is each party's claim; groups after a "
    "welcoming verb, and groups naming their party before their count (Khmer order), are "
    "each their own claim; veterans, organisers and the like are people; 'his wife and two "
    "children', 'and his deputy' move with the named person, 'with his family' gives no "
    "count; the 'People' of \"Cambodian People's Party\" counts no one; a quoted count keeps "
    "its qualifier",
    "parties (3a, 3c, 3d): 'members reported joining' is no party speaking; 'and other "
    "(opposition) parties' is the record's Unnamed Parties; 'new CPP members' and Khmer "
    "'ប្ដូរមកគាំទ្រ' (switched to support) name the party joined; both subscript forms of ប្ដូរ",
    "people (3a, 3d): a host named with titles after 'by'; a speaker named after '\"...,\" "
    "said'; role words 'figure', 'organiser', 'founder' name a person; quotations and "
    "'saying ...' clauses are no group; 'said on Sunday that she had quit' is one person; "
    "'two CPP officials told MDW' are speakers, neither a count nor a group (3g)",
    "not a claim (3b, 3c, 3d, 3f): a claim called fake or false, 'no such ceremony'; 'unless "
    "they joined'; 'had never left' is a denial; 'who were reported to have joined' tells "
    "who; a weekend or a ceremony is one occasion, not a running total",
)
# What the failures of parts 4-16 led to (general rules, each unit-tested in
# tests/test_intake_extract.py or, for Khmer, tests/test_intake_khmer.py).
FIXES_PARTS_4_TO_16 = (
    "words read wrong everywhere (found by probes of our own phrasings): the month 'May' read "
    "as the wish 'may', 'About 400' and 'set' read as plans, 'Aug. 23' ending a sentence, "
    "'several hundred' read as 100, 'moves' and 'party switching' as nouns",
    "who moved (4-16): who looked on ('attended by', 'in the presence of'), presides ('under the "
    "presidency of'), hands over the cards or hosts (English and Khmer) is no mover, but who "
    "'received his membership card' is; a role as subject ('The CLP's provincial chief "
    "resigned', Khmer 'មន្ត្រីម្នាក់') is one person; the named person and those with him "
    "('together with 83 of his supporters' = 84, 'and 12 other members'); a named wife is one of "
    "the people named; 'two of them'; one more of another party ('and a vice president of the "
    "CLP'); one claim per named person when each has his own party; a range's lower bound",
    "one event told again (4-16): a headline is the body's claim rounded; 'the members', 'the "
    "officials', Khmer 'អ្នកទាំងពីររូប' tell the group before; a sentence with no count, name or "
    "party of its own (or the count told before) only dates the claim before it; a group told "
    "again party by party ('Among them were', 'The new members included', 'Of the 464 new "
    "members, 412 came from', 'were: 78 from ... for a total of 110') is each party's claim; "
    "'another 145 members' takes the parties told before",
    "dates (4-16): 'the July 23 election' and dates after publication date nothing; a weekday "
    "heading ('MONDULKIRI — Friday:'); a dateline only opens a text; 'The welcoming ceremony "
    "took place yesterday'; a resignation letter or a signed membership dates the move; a year "
    "or month in an aside about the person's past is no history of the move; Khmer 'yesterday "
    "afternoon', 'the 15th of this month'",
    "not a claim (4-16): a year's or a month's total ('in 2023', 'in May alone', Khmer "
    "'ចាប់ពីដើមឆ្នាំ', 'ក្នុងរយៈពេល ៦ ខែ'); a report whose headline or opening calls the claim "
    "false, a fact check, 'they never left', an alliance; plans with two verbs, deliberations, "
    "orders ('were told to join'), habits (Khmer 'តែងតែ'), 'their decision to join', the act in "
    "general ('joining the ruling party is often ...', 'one of several lawmakers given posts "
    "after joining'); returning home; attending ('joined a CPP event', Khmer 'ចូលរួម' + an "
    "activity); a quoted 'I joined'; a misreported event",
    "parties (4-16): an unknown Khmer party only where a name can stand, cut at the first word "
    "no name holds (khmercut); Khmer and English 'other (opposition) party members'; a known "
    "and an unknown party listed together; the party a leaving verb names is the one left; a "
    "one-person claim keeps the party he was in last; who they were before ('most of them "
    "former CNRP activists') is not the party left; the party joined read from the rest of the "
    "text when the sentence names none (low confidence)",
    "the last rounds (10-14): 'They were welcomed', 'one of the defectors' retell the group; "
    "hosts named after their role words; 'the following day', a letter 'dated'; the day the "
    "opening's ceremonies were held; a possessive name owns something; a list of events keeps "
    "its parties; 'did the same', 'introduced as a member', 'took the CPP oath', 'signed on at', "
    "'become members of', 'Hun Manet's party'; 'walked away from', 'ending his membership'; a "
    "withdrawn story; one person's own denial leaves the group's claim standing; Khmer 'ក្រោមម្លប់', "
    "'ធ្វើជាសមាជិក', 'ផ្ទេរខ្លួនមក', 'ចុះឈ្មោះជាសមាជិក' name the party joined (16)",
)
# What the failures of parts 18-47 and 50-55 (the shapes of real published articles) led to.
FIXES_PARTS_18_TO_55 = (
    "English: 'jumped ship', 'pledged to support the CPP', 'embraced the CPP', 'left for', "
    "'did the same'/'followed suit' with a count of its own; '87 families, totalling 243 "
    "people'; a comma list of one party's roles summed; a group told place by place ('came from "
    "A district with 312 people, B district with 148') is one claim, the sum; 'received 25 "
    "kilograms of rice' is no member received; one person after a party name with an "
    "apostrophe",
    "one event told again: 'The defectors, from the CLP and other parties, were welcomed' names "
    "the parties the claim lacked; 'Among those who switched were'; 'he and his group'; a total "
    "told again event by event ('more than 300 in two provinces' = 230 + 85) is those events, "
    "each to the party the total names; the exact count of a group told roughly before",
    "not a claim: a claim disputed in an aside (', a figure the party dismissed') or after "
    "'but' (Khmer 'ប៉ុន្តែ') is still the claim made; ', less than a week after the NEC "
    "rejected ...' dates the act and makes it no denial; people reported by someone else to "
    "have joined, who answer it; 'years ago'; 'since early January', 'in the first half of "
    "2023'; existing members given new cards; Khmer fact checks and 'គឺមិនត្រឹមត្រូវ'",
    "dates: 'on the 11th'; a bulletin's weekday heading with a dash; 'the election set for "
    "July 23' dates nothing",
    "Khmer: 'ងាកមកគាំទ្រ', 'ចូលរួមគាំទ្រ', 'វិលត្រឡប់មកបម្រើ' name the party joined; the party of "
    "a committee or official that receives applications 'to join the party' or 'its own party' "
    "is the party joined, and the groups after the verb each their party's claim; 'និង' sums "
    "roles of one party; 'អ្នកចូលរួម' (participant), 'ផ្លាស់ប្តូរ' (change) and 'ជាជាងងាកទៅ' "
    "(rather than turning to) are no moves; the group told again ('who joined this time', "
    "'said that they', 'among those who', 'in that group'); 'មេធាវី' before a name; an unknown "
    "party's name ends before count words; 'a small party' is no name",
    "part 20: a count in families is the number the text gives (Khmer 'គ្រួសារ' as English "
    "'families'; the set's convention changed, one older label with it); a claim of "
    "'opposition supporters' over the parties' own counts, or over events on days of their own, "
    "is those claims; 'expressed the wish to join' and Khmer 'មានគម្រោង' are plans; 'reported "
    "that on Saturday' dates the act; 'the 14 others' and Khmer 'មេធាវីរូបនេះ' retell who moved; "
    "'according to the district working group' is a source; ', and a further 33 ... followed on "
    "Sunday' is a second event; 'pressure on members to switch' is no act; Khmer hosts after "
    "'ក្រោមអធិបតីភាព'/'អមដោយ', 'ការចាកចេញរបស់លោក X' (X's departure), 'ស្វាគមន៍ការចូលរួម' (welcomed "
    "the joining) and 'មិនឲ្យចូលរួម' (barred from taking part) move no one",
    "part 21: the women among a total ('638 people (291 women)', Khmer 'ក្នុងនោះស្ត្រី') are no "
    "group; 'namely 402 from X, 171 from Y' and ', of whom ...' are the parties' claims; hosts "
    "named after 'presided over by'/'accompanied by' or before 'welcomed' past their titles, and "
    "'working group', move no one; a Title Case headline names no one; a party written twice "
    "(Khmer and English) once; 'on the afternoon of Friday', 'MONDAY --', 'that day', 'the day "
    "before yesterday' (Khmer 'ម្សិលម្ងៃ'); 'expressed their will to join' is the act; 'LDP'; "
    "'according to X' names no destination; Khmer membership cards received name the party "
    "joined; applications 'to join as members from ...' go to the host's party; a leaving "
    "headline and the body's joining are one move; 'the new participants numbered 200 to 250' "
    "completes a count",
    "part 22: 'thinking about joining' is no act; another outlet's report of the same ceremony "
    "(Khmer 'ពិធីដដែល') adds no claim; outlets' names are no people; 'seven of them women' "
    "describes; ', 81 of them from X and twelve from Y' splits; 'last year more than 40,000' is "
    "a total; a headline's role ('Party Member Quits') and 'he resigned' are one person; "
    "'resigned from the party' is the party the text is about; Khmer 'ថ្ងៃច័ន្ទ ទី១៣' (Monday the "
    "13th), 'ប្តេជ្ញាចិត្តគាំទ្រ' (pledged to support), a post's date on a line of its own, "
    "'ទទួលស្វាគមន៍ពួកគេ' (welcomed them), 'ចូលរួមការបោះឆ្នោត' (took part in the election), "
    "'ពីរបី' (a few), the province party's officers, a party that says ('ខណៈភ្លើងទៀនថា')",
    "part 23: the exact total of a group told roughly ('Of the total of 486 people'); "
    "'another attendee' is one of them; who had joined the ruling party and returned; a "
    "spokesperson welcoming 'the three' is the host; 'a resignation letter'; 'left the party and "
    "joined' names the text's party; Khmer 'ពិធីទទួលស្វាគមន៍សមាជិកថ្មី N' (a ceremony welcoming N "
    "new members) with its guests' party; a list's next party after a count; 'ដែលធ្លាប់...' (who "
    "once ...) is his past; 'ទៅកាន់' (to) a party; a pledge to a policy names no party",
    "part 24: 'expressed their will to ... and join' is no plan; 'went back to the X'; 'the more "
    "than 1,000 people who joined' retells; Khmer 'ត្រឡប់ទៅ' (went back), who had joined X (X "
    "is the party left), 'ក្នុងនោះ' parts with their parties after them, 'នៅឆ្នាំ' a past "
    "year, an unknown party after 'មកពី'",
    "part 25: 'join the big family of the X'; a party's press release ('our party welcomed'); 'go "
    "back to', 'were signed up by', 'handed his resignation letter'; a rough count and the exact "
    "one are one event, the exact kept; a headline's party for the body claim that tells it; "
    "Khmer 'ថ្ងៃអង្គារ ២៨ ឧសភា' (a day and a month with no 'ខែ'), 'គណបក្សរបស់លោក' (his party), "
    "'តាំងពីខែ...' totals",
    "part 26: 'that morning' after a reported day; a figure in brackets after its words; "
    "'including 219 women'; long 'a ceremony in X on Friday, 12 May, to welcome N' phrases; Khmer "
    "'គណបក្សយើង' (our party); a past year inside a who-clause is no history of the act; the "
    "body's own telling of an event before the headline's",
    "across the first measurements of parts 19 and 21-26: beside counts that name their "
    "parties, a count naming none is kept only as an event of its own (its own day and count, "
    "of 'opposition' people); the rest were running totals, retellings or speakers",
    "part 27: 'took ... membership cards', 'were admitted as members of', a party's own card and "
    "a resignation's day date the move told; 'defected to it'; a total, a colon, then its parts; "
    "'had belonged to'; 'several other political parties'; 'one of only two councillors'; Khmer "
    "'មកចុះឈ្មោះចូលជាសមាជិក' (came to sign up), 'ប្តូរមកជាសមាជិក' (came to be members), '១ ២០០នាក់' "
    "(space-grouped thousands), 'មកពីគណបក្សផ្សេងៗ' (from other parties), a party's branch "
    "announcing, 'its own members', a working group's welcome, resigned 'from the post and "
    "from' a party, the morning and afternoon of a day told before, a post's header line",
    "part 28: 'the remaining N from other parties'; 'dozens more' is another group; 'membership "
    "cards of the X'; 'along with N members of Y'; a monitor's table read row by row "
    "(bot/ingest/intake/tables.py); Khmer particles (ដែរ, វិញ) and times (កាលពី) are no party "
    "names, 'joined the party too', 'យកប័ណ្ណសមាជិក' (took cards), registration only with the "
    "state, a Khmer dateline before '៖', people who handed in resignation letters",
    "between parts 28 and 29: a known Khmer party name with its words in another order; with no "
    "day of the move, the day its claimant said it ('said on Monday that 70 had joined')",
    "part 29: 'its former Kampot youth coordinator'; 'took FUNCINPEC membership'; a lede's 'Name, "
    "deputy chief of ...,' is one person whatever the surname; Khmer plans far before their verb "
    "('មានគម្រោងនាំ ... ទៅចូលរួម'), a dateline 'place, date —', 'ឆ្លងមក' (crossed over), "
    "'ឈរនៅក្រោមទង់' (under the flag of), what follows 'ក្នុងនោះ' (among them) gives no total, day "
    "or year of the act, 'រួមជាមួយ' (together with) a count adds the people named before it",
    "part 30: small words inside a party's name ('the League for Democracy Party'); a log's "
    "'dd/mm |' rows; 'received CPP cards' is no welcome; 'gave up his party membership'; 'since "
    "1 January' totals; 'the 11th of this month'; 'exchanged their membership for that of'; 'in "
    "the 1990s'; 'its commune councillors'; 'lost its deputy chief'; 'sent a resignation "
    "letter'; a fact check's verdict line; 'will come home and join'; 'ex-CNRP'; Khmer cards "
    "received make no host, 'ត្រូវបានស្វាគមន៍' (were welcomed) names the guests, 'ឆ្លងមកកាន់' "
    "(crossed over to), a known party glossed in brackets, 'កំពុង «ពិចារណា»' (considering), "
    "'បានប្រារព្ធពិធី' (held a ceremony) dates the claims it holds",
    "parts 31-32: a count a party disputes ('rejected a news site's report that 120 of its "
    "members had gone over') stands, unless the text says nobody left; 'on Monday rejected' "
    "dates the dispute, not the act; 'into the fold of'; the party of the ticket a person was "
    "elected on; 'Peoples'' with the apostrophe either side; 'one of two councillors' is one; "
    "'take CPP membership', households; 'among them 610 women'; the guests named after 'in the "
    "presence of' are no onlookers counted; 'welcomed into' with no 'were'; a quoted range; "
    "one of the people named telling why he left is no second claim; 'N members of other "
    "parties'; 'reported last Wednesday'; a party in a dispute aside is no party joined; Khmer "
    "'សមាជិកថ្មីរបស់គណបក្សX' (X's new members) names the party joined, 'សរុបចំនួន', "
    "'គ្រួសារចំនួន N', 'ធ្លាប់កាន់ប័ណ្ណសមាជិក' (once held the cards of), 'ខ្លួនមិនដែល' (they "
    "never), 'មិនទាន់បាន' (not yet), 'N-M គ្រួសារ', 'ក្នុងជួរ' (into the ranks of), "
    "'ឈប់ពីគណបក្ស' (quit the party); the Khmer Will Party in the party list with its Khmer name",
    "parts 33-34: a year in what a sentence adds about the event ('the latest sign of ...') is "
    "no year of the act; a 'ruling-party count' is no party quit; 'reported as switching'; a "
    "report that 'has been rejected'; a post claiming a count, which the people pictured deny, "
    "is a fact check, and so is a party's bare statement that a report is wrong; 'the "
    "resignation of N'; 'X, who led the party's chapter'; Khmer 'មកជ្រកក្រោមម្លប់' (came to "
    "shelter under the shade of), 'បណ្ណសមាជិក' spelled without the sign over ប, an unknown "
    "spelling glossed by a known acronym, the lines before a total are its parts, "
    "'រួមដំណើរជាមួយ' (went along with), 'សកម្មជនរបស់គណបក្សX', 'គណបក្សដើម' (their original "
    "party) is no name, 'ក្នុងនោះស្ត្រី' (the women among them) leaves the date after it, a "
    "disputed Khmer report stands unless those counted say they are still with their party, "
    "'ក្រុមនេះមានគ្នាសរុប N' (this group numbered N)",
    "parts 35-38: a presiding official's titles name no party left; 'a ceremony to receive CPP "
    "membership'; 'with today's arrivals ... since October' is a total; a party renewing its "
    "members' cards; a monitor's log with no header row; 'traded their party for', 'signed CPP "
    "forms', 'a letter of resignation', 'resigning their membership'; 'Nation Love'; a 'days "
    "after' aside's count is not the act's; a chief who denies defecting in a story the site "
    "withdrew; 'the same afternoon'; the party that names who moved ('Candlelight commune "
    "chief X'); Khmer 'អ្នកដែលប្តូរមកលើកនេះ មាន...' (those who switched this time are ...), the "
    "parts of a total told roughly, 'មិនទាន់ប្រកាសថាចូល' (not yet announced joining), 'ផ្ទះធំ "
    "គឺគណបក្សX' (the big house, party X), old cards handed back, 'អញ្ជើញឱ្យចូល' (invited to "
    "join), a post received ('ទទួលតំណែង') is no welcome",
    "part 37: 'taken up membership of'; 'the two groups were received on Sunday' dates every "
    "claim of the sentence before; 'The three received their cards'; who hands the cards did "
    "not move; an appositive's year is not the act's; Khmer 'ចូលមកក្រោមដំបូល' (came under the "
    "roof of), 'គណបក្សប្រឆាំងផ្សេងៗ' (various opposition parties), 'បានធ្វើដូចគ្នា' (did the "
    "same) unless in a year long past, 'មានការចូលរួមពី' (attended by), a welcome of everyone",
    "part 38: 'handed back his CPP card' names the party left and 'took membership of' the one "
    "joined; 'X, for its part, says ... signed its membership forms'; 'by announcing that ... "
    "had joined it'; Khmer 'មកកាន់ទង់' (to the flag of), 'ធ្លាប់នៅក្នុងជួរ' (once in the ranks "
    "of) is the party left, 'គណបក្សគ្រប់លំដាប់ថ្នាក់' (the party at every level) is no name",
    "part 39: of a sentence's joining verbs, the one that names the party joined (a host's "
    "welcome, then Khmer 'មករួមដំណើរជាមួយគណបក្ស...', came to walk with party X); a list's entry "
    "is never the sum of the entries told before it; quoted \"other parties\" are the unnamed "
    "parties; 'neither has joined' is no joining; Khmer 'បើ' (if) and 'មិនទាន់ទទួលបានលិខិតលាលែង' "
    "(has not yet received a resignation letter) tell no leaving; 'on 8 October last year' is "
    "in the year before the report's",
    "part 40: a tracker's 'Candlelight Party -> CPP' cell holds both parties; 'received "
    "membership of'; a heading line with only a place and a day dates 'today' below it; "
    "'73 activists, two of them councillors,' counts 73; 'previously belonged to'; the noun "
    "'the welcome of 2,000'; an opening 'two weeks after ...,' clause names no party left; "
    "'rather than the CPP'; 'a day earlier', 'two days later'; Khmer: no verb starts with a "
    "subscript ('រាប់បញ្ចូល', counted in), 'គណបក្សលោក' (his party) is no name, a bulletin "
    "entry undone within its entry (those pictured say they never left), an unknown name in "
    "the middle of a list of parties",
    "part 41: 'N P members reported welcomed into the CPP' (P says nothing); 'joined' or "
    "'resigned from the royalist party' is the party the text is about; ', after a page said 38 "
    "had joined the CPP' is the report itself, not an aside; a 'District Party Committee' is a "
    "branch; 'along with a group, 21 in all' counts everyone; Khmer 'ពីរឡូ' (two dozen), "
    "'រួមជាមួយ ... សរុបចំនួន' (in all), one of the new members telling of his leaving is the "
    "move told before, 'ប៉ុន្តែ' (but) ends a clause, who 'acknowledged that' did not move",
    "part 42: a heading's day anchors 'today' only when it ends the line (a log's title names a "
    "span); 'signed a CPP application form'; ', officials from both parties confirmed' are "
    "sayers; 'the party allied with Candlelight' and 'not to be confused with the Khmer Will "
    "Party' describe a party (no alliance, no party left); Khmer 'ខណៈដែល' (while) and 'មុនពេល' "
    "(before) clauses hold no registration or denial, a number spelled again in brackets, a "
    "total's parts party by party a few sentences on",
    "part 43: 'on the morning of the 3rd', 'this Sunday', 'last Tuesday' written on a Tuesday; "
    "'08/05 (Wed) --' log entries; '(incl. 44 women)' ends no sentence; 'said the Stoung "
    "members had joined' retells the group; ', who was second on the list of candidates,' is "
    "no group; 'offering him a post if he crossed over' is no move; Khmer 'មកពីគណបក្សផ្សេងៗ' "
    "(from other parties) in a list, card holders' party is the one left, people named after "
    "the day that closes a presiding clause moved, 'បានកាន់ប័ណ្ណ' (now holds the card)",
    "parts 44-45: 'posted photographs on Sunday of ...' dates the claim; a trailing ', officials "
    "and the councillor confirmed' tells who says it; '27 Candlelight members and 12 members of "
    "other parties' are two groups; '-- 26 from X and 19 from Y --' are a total's parts; "
    "'Party-Switching' names no party; 'said to have joined'; 'none of them had ever left'; "
    "'for the royalist FUNCINPEC'; 'posted in error'; people who say they 'remained members' "
    "undo the post that counted them; Khmer '២ពាន់នាក់' (2 thousand), lines of counts then the "
    "move they made",
    "parts 46-47: 'founded in 2015' is a year; a log's '64 CLP → CPP'; 'signed her CPP "
    "application'; a table's 'Move' column (Candlelight -> CPP) and a person named in its count "
    "column; Khmer: a post's date line dates the line after it, 'គណបក្សតូចៗផ្សេងទៀត' (other small "
    "parties), a leaving verb's own party over those of the person's past, 'គណបក្សដដែល' (the "
    "same party) is no name, 'មិនទាន់បានដាក់ពាក្យ ឬលាលែង' (not yet applied or resigned)",
    "parts 50-51: 'nine more had joined in Samraong city' (more of the group before; joining "
    "in a place is no event joined); 'have now left' is a tally; words said to the movers "
    "after the act name no party left; a host by a long title ('provincial working group "
    "member'); 'exchanged their old cards for CPP ones'; 'signed up at a meeting'; 'stand "
    "under the banner of'; 'over Battambang switches' is a noun; 'withdrew its 20 October "
    "story'; 'one in ten' is a share; 'had been \"warmly received\" into'; 'held a ceremony for "
    "about 210 people'; 'over the past week' is one week's news; a list may follow a line that "
    "opens it ('... came from:'); 'X, a teacher who was fourth on the list of candidates,' is "
    "one person; 'the party' after a claim is that claim's party; Khmer: 'ប៉ុន្មានថ្ងៃចុងក្រោយ' "
    "(the last few days) is no tally, a list's line opening with '- គណបក្ស...' may name an "
    "unknown party, 'គណបក្សរួចហើយ' (the party, already) is no name, 'ដកចេញវិញ' (taken down), "
    "'កាលពីដើមឆ្នាំ២០២២' (early 2022), 'សកម្មជននៃគណបក្សប្រឆាំងផ្សេងៗ' (of various opposition "
    "parties), 'ស្នើឱ្យចូល' (asked to join)",
    "parts 52-53: 'X, who had coordinated the GDP's work, ...' names one person; 'Takeo "
    "(April 6, 2024):' is a dateline; 'came to apply for membership of the CPP'; new cards as "
    "a party brings its registry up to date; a title about earlier \"defectors\" who say they "
    "never left denies no other claim; who 'had told' officials speak; hosts under 'the high "
    "presidency of'; 'respectively'; 'a party other than the CPP'; 'citing pressure on his "
    "family' is one person; Khmer: 'ក្នុងចំណោមអ្នកចូលរួមទាំង N នាក់នេះ មាន A នាក់' (of all "
    "these N, A) are parts, 'ដែលជាប់ឆ្នោត ... ក្នុងឆ្នាំ២០២២' (who were elected in 2022) is no "
    "tally, 'ឆ្លងមករួមរស់ជាមួយ' and 'ផ្លាស់មកជាសមាជិក' join, a person named after the presiding "
    "clause's 'នៅថ្ងៃទី...' moved, 'លុះដល់ពេលរសៀល' (come the afternoon), 'បានបញ្ជាក់ប្រាប់ ... ថា "
    "លោក' (confirmed that he) moved but 'បាននិយាយថា' (said that) speaks, 'លិខិតលាលែងចុះថ្ងៃទី' "
    "(a letter dated), a post's closing day line, 'កំពុងគិតចូល' (is thinking of joining)",
    "parts 54-55: a digest's '• 18/03 · Kandal ·' entries; 'the KNUP lost its only commune "
    "chief ... Commune chief X was received into the CPP on February 20' is one move; a name "
    "listed between two names ('A, B and C'); an opening 'Thursday, in X district, ...'; 'took "
    "the same step'; 'Councillor X' opening a sentence; Khmer: 'ជាអធិបតីក្នុងពិធី' (presided "
    "over the ceremony) dates it, 'ក្នុងពិធីនោះ' (at that ceremony) is its day, "
    "'ទទួលស្គាល់ជាសមាជិក' (recognised as members), 'នៅទីស្នាក់ការគណបក្សX' (at party X's office) "
    "is a place, 'មិនមែនគ្រប់គ្នាដែល...' (not everyone who) is general, 'ចូលជាសមាជិក' with no "
    "party is the text's, 'ពីដៃ ឯកឧត្តម X' (from the hands of) is a host, a range in words "
    "('ពីមួយរយហាសិប ទៅពីររយនាក់'), a calendar-sign date line with a place line after it; "
    "'had applied to join ... and hoped to be received' waits; and part 57's one trap: Khmer "
    "'អញ្ជើញលោកឱ្យចូល' (invited him to join) is no move",
    "parts 60-61: 'members of various parties' are unnamed parties; members who resign with no "
    "object, or submit resignation letters, leave their party; a wish for others however far "
    "from its infinitive ('expected \"at least 1,000\" ... to cross over', 'invited everyone, "
    "\"...\", to join', Khmer 'អំពាវនាវ ... ឲ្យមកចូល') and a move after a time still to come "
    "('after the rice harvest') are no act; rumours are no claim; a page's claim deleted within "
    "two sentences, or a denial whose post was removed, proposes nothing; a post headline "
    "between emoji is the body's claims told again; 'the following day' and 'at the same "
    "meeting' date from the claim before; 'a second-term councillor' is no second group; Khmer: "
    "'អស់រយៈពេល' after 'គណបក្ស' is no party name, 'គណបក្សXខេត្តY ប្រកាសថា' speaks for X and its "
    "'គណបក្សរបស់ខ្លួន' is X; 'Khmer Will' a short name of the Khmer Will Party",
    "parts 62-63: a date in a leading 'Speaking to ... on Sunday,' clause, or after 'gave "
    "accounts', is the day of telling; a list's entry headed 'Place, Weekday:' or by an emoji, "
    "a weekday and a dash; the arrow emoji an arrow; terms served are no people; a part after "
    "'including' in a breakdown is no group; 'parties other than X' are unnamed, a party "
    "'outside' which people moved none they left; an appeal to 'come and join'; one named "
    "person's own 'he said he had resigned from' names the party he left, and a headline about "
    "one person is the body's one-person claim; Khmer: 'សរុបទាំងអស់ N នាក់' ending a sentence is "
    "its sum; a former role before a party, a level between a party and its saying, 'បក្ស' as "
    "its own party, an appeal naming whom it asks, a deleted post, the party that won an election",
    "parts 64-65: 'handed back/over/in' cards is a leaving, 'accepted membership of' a joining; "
    "a party welcoming 'members of various other parties' has unnamed parties as guests; "
    "'royalist party' is FUNCINPEC; a name in a place's 'where ...' aside moved with no one; an "
    "appeal ('called on ... to \"come home\" to', 'urging') or an offer ('the door is open to') "
    "is no shorthand move; Khmer: 'ចូលរួមជាសមាជិកគណបក្សX' joins X; a list's line opening with "
    "'ថ្ងៃទី' is no dateline; a branch opening the sentence is the party of a later "
    "'គណបក្សរបស់ខ្លួន'; 'ចលនាចូលរួម' (the movement of joining) is a trend, no act",
    "parts 66-67: the CPP 'welcomes everyone' is an open door; new cards to 'existing' members "
    "or a drive 'to update its records' a renewal; an outlet's own earlier story taken back in "
    "either of the next two sentences, whatever the paragraph; 'two ceremonies' counts "
    "occasions; a headline's count that is exactly the sum of the body's same-day groups is "
    "their total; 'thirty and forty' two numbers; 'the reception on 2 March of 41 members of "
    "X'; 'the same party' the party of the group before; Khmer: a ceremony's guests described "
    "('ពិធីទទួលសមាជិកថ្មី ដែលជាអតីត... ចំនួន N'), a 'ដែល' clause's own past year after its verb",
    "parts 68-69: a move 'N years after' in the sentence's opening clause is history; whom "
    "someone 'told' is no group that moved; 'Mom' a surname, 'chairman' a role after a name; "
    "'joined their ranks' the party of who says so; 'signed up on Tuesday at' dates the move; "
    "Khmer: 'គណបក្សX ប្រកាសថា ... បានចូលជាសមាជិក។' joins X, a party that 'បានច្រានចោល' "
    "(rejected) the claim after it neither left nor joined, 'ដោយ' (by) ends a party's name; "
    "then (3367f27) a party's working group that welcomes is the host; Khmer: a host's own "
    "welcome read at the verb naming the party joined, a candidate's year ('បេក្ខជន... "
    "ក្នុងឆ្នាំ២០២២') is who he was, the party a role names is the one left, 'ចូលគណបក្សណាមួយ' "
    "(join any party) is no joining",
    "parts 70-71: a monitor table's 'Reported figure' column, 'Various parties', a withdrawn "
    "row; a wish for others with a quoted aside; posts that 'circulated claiming' are a rumour; "
    "a count the text calls false outside a quotation is dropped wherever it is told again; a "
    "quoted 'today' after the act; keycap emoji digits; title-case headline words are no "
    "party's name; 'The ceremony was held on the 27th' dates each group its sentence told; "
    "'came home to the big family of the X'; ', the latest sign of ... after' is when; 'N "
    "officials said that they were resigning' counts them; Khmer: a fact check's conclusion, "
    "a meeting's attendance",
    "parts 72-73: a named role behind a dateline with its day; a ', which ...' aside ending "
    "the sentence and onlookers are no group that moved; 'and of the other parties'; "
    "'switched sides' to the party that says so; a party after ', but' that disputes; a "
    "year's count 'during 2024' in the year of the report is a running total",
    "parts 74-75: a day before ', says the provincial party office' is the act's; a digest's "
    "'Not included:' line; who gave the card and who presided ('with the close attention "
    "of') did not move; Khmer: 'គណបក្សជាច្រើន' (many parties) are unnamed, 'រហូតដល់ឆ្នាំ២០១៨ "
    "ដែល...' (until 2018, when ...) is a past year; a rough total 'broken down' party by party "
    "is its parts",
    "parts 76-77: a correction notice's right count or day replaces the one it corrects; "
    "'between 18 and 25' in digits is the lower bound; a role's years in brackets are no "
    "count; 'submitted their applications'; 'welcome ... into'; a named mover or one who "
    "speaks, told again, is the move told before; a post 'claiming' a move deleted in its own "
    "sentence; 'none had joined another party' is no denial; Khmer: 'ព្រឹកនេះ' (this morning), "
    "'បន្ថែម N' (N more), the parts of 'these N', a welcomed whole's parts after the verb, "
    "other parties after a count, a short name of a party the text names in full, a request "
    "('សូមអញ្ជើញ'), a deleted post, votes won, 'មែន' (indeed) is no party",
    "parts 78-79: 'on the same occasion'; 'at the same ceremony' opens another group; each "
    "clause of a sentence on its own day; who received him 'by its president, X'; a list's "
    "last name after 'and'; chained titles; a breakdown's parts add no one named; a weekday "
    "alone on a line dates the entries under it; 'Days after ...,' is when; members who 'had "
    "quit'; 'he appeared ... handed him a card' dates the named move; 'would cross to' is a "
    "prediction; new cards for members; Khmer: attendance counts, a same ceremony's other "
    "group, 'ជាសមូហភាព' (collectively), a conditional or open-door welcome, a page's deleted "
    "post",
    "parts 80-81: a 'Number claimed' column; a table row whose post was deleted; 'leave X for "
    "Y'; a translation's '57 family'; the day of the move the sentence before told; a "
    "correction's right count in its own words; a quoted caption's 'today'; a numbered list of "
    "names counted; 'N of those who switched came from X and M from Y' is the group told "
    "before; a group split into those who joined and 'the remaining N'; 'deleted a post that "
    "had claimed'; 'resigned from all positions and from the party'; Khmer: a list after the "
    "line that opens it, resigning together, attendance, 'ជាក្រុម' (as a group), leaving "
    "politics, a post's closing day for its 'ថ្ងៃនេះ' (today)",
    "parts 82-83: a bulletin's 'Tue 14/3 —'; an entry on a day of its own is no total of the "
    "entries after it unless they add up exactly; 'the main (or dissolved) opposition party' "
    "is the one the text names as such, with low confidence; an annual report 'released on "
    "Saturday'; 'including two former village chiefs' is some of the group; a dated headline "
    "dates its parts; Khmer: a target ('គោលដៅ'), 'and some other parties'",
    "parts 84-85: 'considering whether to move to'; a post 'saying that' a move happened, "
    "deleted in its own sentence; an online audience is no count; named people 'together "
    "with 40 other supporters' are one group; 'rather than join' is no joining; a table row a "
    "footnote takes back; Khmer: an election's day told after the move",
    "parts 86-87: a list of 'Party: N people' lines; ', during an event at which ...' is "
    "another thing that happened there; a letter 'dated' a day dates the act; 'who left ... "
    "six years ago' is history; 'He said he had joined because ...' is one of the group; "
    "Khmer: 'គិតត្រឹម' (counting up to) ends a tally, a weekday 'សប្តាហ៍មុន' (of last week)",
    "parts 88-89: an audience's relatives; a post's own day ('a post on 9 May said'); the day a "
    "sentence before gives the same count; a headline's claim counted by the body's list; 'the "
    "figure of 350 in our first post'; Khmer: 'other parties' as a part, a party committee's "
    "'its own', a statement denying false news, 'were accepted as members'",
    "parts 90-91: hard-wrapped lines joined again; a list's 'Total: 412 people'; communes by "
    "party added up per party; a timeline's 'June 2022:' lines; word-for-word English ('on day "
    "Saturday'); Khmer: a lunar date's weekday, dotted initials (គ.ស.ជ.) end no sentence, a "
    "party's page as the party joined, a mover's own 'this news is false'",
    "parts 92-93: an emoji before 'Mon 3/6 —'; 'founded a new movement, the X Party'; places' "
    "counts; 'N families (M people)'; 'how many ... switched' is a question; a speaker's own "
    "'We invite ... to join'; Khmer: 'in the months that followed', a video's viewers",
    "parts 94-95: a move known by its year ('2019 switch'); names after an opener on one line; "
    "a word the wrap broke with a hyphen; 'moved to higher ground'; Khmer: a holiday named by "
    "its date, 'កាលពី' opens no dateline, lost or expired cards",
    "parts 96-99: expired cards; an appeal to those who once left; Khmer: villagers who once "
    "left A for B and came back to A, a ceremony that expects 500, a crowd that took part, a "
    "fact check's 'ពិតឬមិនពិត'",
    "parts 102-103: one person by a pronoun or an age after the day ('On Thursday the "
    "61-year-old left'); a photo gallery's '3/8 -' numbers and a live blog's '09:40 -' clock; "
    "'Saturday's ceremony'; 'raise their new CPP membership cards'; a withdrawn post; 'before "
    "the 2018 election'; 'preparing to join'; 'joined the opposition' and a newsletter's "
    "'joined our party'; a log's 'denies; disputed' note; a party's working group as host; "
    "suppositions ('Imagine if'); moves that name no party; Khmer: 'ខ្ញុំបាទ'/'នាង' subjects, "
    "application forms counted in sheets, a year's tally ('ពេញមួយឆ្នាំ'), 'គណបក្សព្រមៗគ្នា' "
    "(the party, together), a withdrawn post, a party dissolved in 2017, a host after "
    "'ដោយមានការស្វាគមន៍ពី', numbered lists in Khmer digits, 'ទទួល ៨៨ គ្រួសារ' (received 88 "
    "families)",
    "parts 104-105: the day before a report's day ('reported on Monday that ... the day "
    "before'); a subgroup 'including about 300 former CNRP activists'; guests who 'joined 2,500 "
    "delegates at' a congress; cards for people 'none of whom had come from another party'; "
    "'the couple'; 'On Sunday the 30th'; 'an announcement by the KWP that ... joined it'; "
    "'receive 18 ... into the CPP'; 'The ceremony, held on Tuesday'; an interview's 'At the "
    "time' after a year asked about; the one other party a release names as the party joined; "
    "'the correct figure is 140, not 400'; numbered paragraphs and a list of groups; 'Candle "
    "Light'; Khmer: a log row's weekday and day, a closing day with its place and who signs, "
    "tags, 'គណបក្សរាជានិយម' (the royalist party), a party that posted that people joined "
    "'its own' ranks",
    "parts 106-107: a speech quoted in full counts 'today' from the day it was given; 'moved "
    "to' needs a party; a new party 'called the X Party'; 'quit, found 'X Party''; 'which has "
    "since registered him as its candidate' is no registration; one person after 'when', after "
    "handing back a card or walking into an office; the writer's 'I'; 'filled in a membership "
    "form'; new cards for 'party members'; Khmer: a list's lines each with its own day, a post "
    "quoted as mistaken ('គឺមានកំហុស'), cards 'replacing old ones', a party's list of "
    "candidates, a dateline in brackets, a count in words after 'មកពីគណបក្ស...', a welcome "
    "speech, the new members' representative in a photo caption",
    "parts 108-109: 'On this auspicious occasion' dates the ceremony told before; a list after "
    "'They are:' numbered with keycaps; a crowd counted before 'during which'; who welcomed "
    "'by about 40'; a caption on an image the text calls fake; Khmer: a total of families, "
    "'តើគួរ' and 'គួរតែ' (whether one should, should), 'he left A and joined B', a new "
    "generation of cards, 'ចំនួនសរុប' after a ceremony, standing as a candidate for a party "
    "('ឈរឈ្មោះឲ្យ'), 'the other party' ('គណបក្សម្ខាងទៀត')",
    "parts 110-111: a table's rows are never wrapped lines; an organisation's name with "
    "'Party' inside ('Cambodia Party Switch Monitor'); the day told before for a move 'at the "
    "ceremony'; 'A total of 276 ... not 200 as first posted'; 'all four signed'; 'into the big "
    "FUNCINPEC family'; 'rather than to the ruling CPP'; 'In total, N ..., namely'; a list's "
    "length; Khmer: a monitoring coalition's name is no alliance, a campaign procession, "
    "'ប្តីប្រពន្ធ' (husband and wife), 'លោកស្រីបាន...' (she ...)",
    "parts 112-113: a translation's 'Cambodian People Party', 'have 57 family' and 'include 3 "
    "... member'; a ceremony postponed or called off; a dated row told again in a note; 'two "
    "of our councillors' in an interview; a count in words after a date; 'crossed over with "
    "their supporters' (uncounted); 'another 140' told again in a timeline; 'A councillor and "
    "26 other members'; a representative speaking for the group; 'join no one'; 'final "
    "figure: N, not \"more than M\" as first reported'; a post edited to give its figure; "
    "Khmer: 'will lead ... to join', an election's day with its mandate, 'counting from 1 "
    "January to ...', a bulletin's verbless 'from party A to party B', resigning from a post "
    "alone, a sentence a list of names interrupts, 'a ceremony to welcome former members, "
    "about 50 to 60 families'",
    "parts 114-115: a pasted page's 'Related articles'; 'a figure X says is inflated'; "
    "'Preparations under way for a ceremony'; 'who were welcomed into the CPP last year "
    "returned to ...'; the women among a group; a host handing each family a card; 'the final "
    "(actual) number ... is N'; 'eleven of my neighbours'; a total, then lines each with its "
    "own count and day; 'X, the CLP's deputy chief for ..., joined'; a sentence-case headline of "
    "one who quit; a deleted post; 'reported 31 new members: 20 from A and 11 from B'; a fact "
    "check that finds one claim true and another false; 'spoke to 3 people'; a span of days; "
    "'elected on 5 June'; 'drift back to'; 'as new members of X'; Khmer: a monitor's rows 'from "
    "party A to party B | count', a deleted post, a named speaker telling why he joined, 'came "
    "back to this party', members attending, 'together with 30 activists who are his "
    "supporters', 'does not mean that they switch'",
    "parts 116-117: 'Of these, 60 came over from A and 12 from B' after a total; a list "
    "numbered '(1)'; a host presenting cards 'to each new member'; an office's rejection of a "
    "registration is no denial; 'were each offered $300 and a bicycle to join'; a charge 'the "
    "family says was fabricated'; the group's party told later by its count; 'a revised post "
    "put the number at N', 'raising it from \"about 100\" to 133'; the parts of a breakdown "
    "share a day; 'The defectors, numbering 75', a caption's 'pose with 150 new members from "
    "X'; 'joined X with 30 other members'; 'then removed the post'; officials who resigned; "
    "'The letters, dated Monday'; Khmer: 'in the first three weeks of 2024', activists "
    "attending, a guest of honour, who welcomed, 'recognised as members of X'",
    "parts 118-119: a log pasted as CSV, as columns aligned by spaces or separated by dashes; "
    "'ceremony postponed' in a log; a 'From' cell with each party's count; 'presented him "
    "with a membership card'; 'Only 12 of the 40 councillors invited' of the group told "
    "before; applications 'not yet approved'; a page that 'deleted a post claiming'; counts "
    "in brackets after their parties; one council's losses, each named on a day of its own; "
    "Khmer: lines broken at spaces joined again, '87 families, 243 people', who looked on, "
    "'not yet approved'",
    "part 120: a count cell with its breakdown in brackets; '57 were formerly with A and 12 "
    "with B'; 'The handover took place last Friday'; 'about 60 people came to the small "
    "gathering'; a figure called exaggerated, with no figure given; Khmer: officials taking "
    "part ('ដោយមាន ... ចូលរួម'), 'never thought of leaving'",
    "parts 121-122: a translated caption's 'hand CPP membership cards to 57 family'; 'at a time "
    "when most defections go to the ruling party'; a log's row with no count, a 'Moved' "
    "column, a count in words in a cell; a monitor's 'Not counted:' list; a rough headline or "
    "a dated total over parts with no day of their own; 'without joining'; 'more than 300 ... "
    "have since left'; 'we have seen people leave X for Y'; a headline's clauses split at a "
    "semicolon; 'limiting gatherings to 20 people'; an earlier report 'a claim ... rejected at "
    "the time' with no day; a first report superseded by 'the final count stood at'; Khmer: a "
    "notice deleting a post whose words it quotes",
    "parts 123-124: 'announced but postponed; not counted', 'ceremony did not take place'; a "
    "log row the other side calls false; 'a second post gave the figure as 276'; 'the ruling "
    "party's claim that N ... defected to it'; a post's heading day; a post that 'disappeared "
    "from the page'; 'denying that'; 'Last year, ... thousands of'; 'returned home to the "
    "CPP'; 'Among those joining were ...'; Khmer: rows separated by dashes, some villagers' "
    "denial, 'among all 450 above', a news bulletin's hour, 'the next day', a list's lines "
    "each on their own day, a label line never joined to the line before",
    "parts 125-126: 'Of these, 212 are from A and 38 are from B'; an update's 'final number "
    "... is 276' over the first rough count; 'welcomed their decision'; '23 July and ... all "
    "members'; 'including 180 women'; a letter's 'with effect from today, 12 April 2023'; "
    "Khmer: 'he and his group, 46 in all, counting him', a party's rejection day, a 'ទៅគណបក្ស' "
    "column, members taking part as witnesses, a count checked later",
    "part 127: '85 Candlelight Party members received membership cards from H.E. X'; 'Our "
    "earlier post said that more than 200 ... the working group confirms that 236'; 'have "
    "joined in the province this month'; Khmer: an update's official list, news circulated "
    "on social media",
    "parts 128-129: 'the correct number is 162 members, not 150'; a bulletin's postponed "
    "welcome; cards 'to update the party's rolls'; 'I am not going anywhere'; 'Ceremonies ... "
    "on Sunday saw ...' dating the groups after it; 'and the party's youth leader'; 'Other "
    "Party' is no name; a headline's 'to Join ... This Sunday'; a member who 'said she had "
    "switched'; Khmer: who took part, 'announced joining', 'some other activists', 'he himself "
    "decided'",
    "parts 130-131: 'have gone back to'; 'various opposition parties'; a disputer's 'only two "
    "of the councillors'; 'have already left'; 'CPP to receive ... next week'; 'On the same "
    "day' after a headline; a digest's headline; 'among them 128 are members of X'; a "
    "headline's 'Say'; 'the correct number of the new members is N persons'; '2 dozen'; a "
    "week's sum; 'he and ten of his colleagues'; Khmer: 'no member ... left', a ceremony's "
    "list, a first report corrected, 'who had once joined', households (ខ្នងផ្ទះ), '(47 "
    "people)', rounds (លើក), a letter's subject line, a decision's closing day, a card handed "
    "back, who says it in Pursat",
    "parts 132-133: 'returning the party to power'; '87 families, a total of 312 people'; 'On "
    "April 6, X, the CYP's coordinator, and his deputy, Y'; 'new comrades'; 'the party's youth "
    "wing'; 'accepted a membership card from the CPP'; a digest's next item in its own place; "
    "'later updated the figure to 132'; 'left without a party'; a rally's breakdown; 'the "
    "party founded by former Candlelight figures'; 'pressuring its councillors to join'; "
    "'wished him and his family'; 'informs members and supporters'; 'and other opposition "
    "members'; 'a further 180'; Khmer: 'as first published', 'as written above', "
    "infrastructure is no alliance, a first-person declaration, 'some citizens say', 'it "
    "should be recalled that', 'who came from party X, nearly 200', a working group joined",
    "parts 134-135: 'without giving the date'; a round-up group's 'and other parties'; 'the "
    "switch had little to do'; 'In our post yesterday we reported'; a check's headline "
    "'holds up'; 'the CPP's 600 figure'; 'were among those presented on stage'; 'during the "
    "year'; 'reached 14 of the people named'; Khmer: a writer's party told before or after, a "
    "corrected party, 'really left the party', 'only 4 of the 44'",
    "parts 136-137: a numbered list's '1. FUNCINPEC – 46 people'; '63 families from X "
    "district, 241 people in total'; 'just under 200'; '200 people who CPP officials said "
    "were members'; a ceremony 'to be held on Sunday'; a writer's 'I decided to leave'; 'the "
    "number of new members is 134, not 126 as we first posted'; pages 'have been reporting "
    "that' one man left, called false; 'over the course of the year'; 'a page which has "
    "upwards of 40,000 followers'; Khmer: 'three among those who joined', 'as first posted', "
    "a declaration's move told after its writer's name",
)
HELD_OUT = ("held-out", *(f"held-out {n}" for n in (*range(2, 100), *range(102, 138))))
# The style table's columns: the parts grouped by how they were made.
STYLE_COLUMNS = {
    "tuning": "tuning",
    **{name: "held-out 1-3" for name in HELD_OUT[:3]},
    **{
        name: "held-out 4-10, 12, 14, 16 (everyday styles)"
        for name in (*HELD_OUT[3:10], "held-out 12", "held-out 14", "held-out 16")
    },
    **{
        name: "held-out 11, 13, 15, 17 (never tuned on)"
        for name in ("held-out 11", "held-out 13", "held-out 15", "held-out 17")
    },
    **{
        name: "held-out 18-137 (real-article shapes)"
        for name in HELD_OUT[17:]
    },
}


# The first measurements of the parts written after part 4's fixes (5-11, 13, 15, 17 and 19-137
# sealed, 12, 14a, 16 and 18 written after the part before was measured), the clean estimates of
# the extractor on reports it had not read: (part, right, proposed, found, claims).
SEALED_FIRST = (
    ("5", 28, 52, 28, 40),
    ("6", 34, 47, 34, 45),
    ("7", 32, 51, 32, 46),
    ("8", 41, 56, 41, 53),
    ("9", 33, 60, 33, 57),
    ("10", 40, 56, 40, 55),
    ("11", 50, 60, 50, 57),
    ("12", 41, 51, 41, 53),
    ("13", 40, 50, 40, 51),
    ("14a", 22, 29, 22, 32),
    ("15", 45, 51, 45, 53),
    ("16", 9, 15, 9, 21),
    ("17", 17, 21, 17, 22),
    ("18", 38, 60, 38, 57),
    ("19", 36, 52, 36, 50),
    ("20", 39, 61, 39, 52),
    ("21", 37, 56, 37, 57),
    ("22", 40, 58, 40, 54),
    ("23", 41, 59, 41, 58),
    ("24", 47, 66, 47, 62),
    ("25", 29, 57, 29, 58),
    ("26", 51, 68, 51, 63),
    ("27", 36, 51, 36, 59),
    ("28", 41, 53, 41, 60),
    ("29", 53, 58, 53, 64),
    ("30", 40, 62, 40, 63),
    ("31", 54, 63, 54, 65),
    ("32", 52, 65, 52, 69),
    ("33", 48, 55, 48, 64),
    ("34", 54, 63, 54, 65),
    ("35", 52, 61, 52, 64),
    ("36", 48, 61, 48, 62),
    ("37", 46, 59, 46, 63),
    ("38", 51, 62, 51, 64),
    ("39", 58, 66, 58, 66),
    ("40", 51, 61, 51, 65),
    ("41", 53, 59, 53, 63),
    ("42", 49, 59, 49, 63),
    ("43", 42, 57, 42, 61),
    ("44", 52, 62, 52, 65),
    ("45", 58, 67, 58, 69),
    ("46", 51, 59, 51, 62),
    ("47", 50, 61, 50, 63),
    ("48", 54, 59, 54, 61),
    ("49", 48, 54, 48, 57),
    ("50", 51, 63, 51, 63),
    ("51", 55, 62, 55, 62),
    ("52", 47, 53, 47, 60),
    ("53", 60, 70, 60, 66),
    ("54", 50, 63, 50, 63),
    ("55", 48, 58, 48, 61),
    ("56", 57, 62, 57, 61),
    ("57", 61, 70, 61, 71),
    ("58", 52, 57, 52, 60),
    ("59", 50, 55, 50, 57),
    ("60", 61, 66, 61, 65),
    ("61", 56, 70, 56, 63),
    ("62", 57, 66, 57, 66),
    ("63", 55, 64, 55, 64),
    ("64", 58, 62, 58, 64),
    ("65", 56, 64, 56, 67),
    ("66", 57, 65, 57, 64),
    ("67", 57, 61, 57, 63),
    ("68", 59, 68, 59, 67),
    ("69", 60, 62, 60, 64),
    ("70", 68, 79, 68, 75),
    ("71", 58, 71, 58, 69),
    ("72", 60, 69, 60, 67),
    ("73", 55, 63, 55, 69),
    ("74", 55, 63, 55, 63),
    ("75", 62, 72, 62, 68),
    ("76", 58, 67, 58, 66),
    ("77", 56, 67, 56, 67),
    ("78", 56, 74, 56, 69),
    ("79", 48, 58, 48, 63),
    ("80", 51, 68, 51, 75),
    ("81", 53, 60, 53, 60),
    ("82", 51, 65, 51, 64),
    ("83", 54, 61, 54, 60),
    ("84", 58, 63, 58, 61),
    ("85", 51, 64, 51, 60),
    ("86", 62, 75, 62, 79),
    ("87", 63, 67, 63, 65),
    ("88", 53, 65, 53, 64),
    ("89", 53, 60, 53, 61),
    ("90", 39, 63, 39, 69),
    ("91", 51, 69, 51, 71),
    ("92", 46, 64, 46, 61),
    ("93", 52, 62, 52, 67),
    ("94", 59, 65, 59, 64),
    ("95", 58, 67, 58, 63),
    ("96", 54, 65, 54, 61),
    ("97", 53, 60, 53, 61),
    ("98", 54, 65, 54, 69),
    ("99", 54, 60, 54, 62),
    ("100", 63, 67, 63, 66),  # measured at 5ebb97e; its texts were lost before joining the set
    ("101", 46, 59, 46, 61),  # (the same)
    ("102", 52, 76, 52, 69),
    ("103", 57, 72, 57, 66),
    ("104", 45, 58, 45, 62),
    ("105", 58, 70, 58, 68),
    ("106", 52, 65, 52, 65),
    ("107", 52, 59, 52, 63),
    ("108", 52, 59, 52, 58),
    ("109", 54, 64, 54, 63),
    ("110", 51, 62, 51, 66),
    ("111", 38, 44, 38, 59),
    ("112", 67, 76, 67, 70),
    ("113", 55, 65, 55, 67),
    ("114", 60, 71, 60, 69),
    ("115", 50, 63, 50, 64),
    ("116", 54, 65, 54, 64),
    ("117", 50, 60, 50, 62),
    ("118", 35, 58, 35, 63),
    ("119", 44, 49, 44, 63),
    ("120", 54, 64, 54, 61),
    ("121", 70, 86, 70, 78),
    ("122", 59, 62, 59, 62),
    ("123", 61, 75, 61, 75),
    ("124", 57, 64, 57, 63),
    ("125", 59, 62, 59, 63),
    ("126", 60, 67, 60, 75),
    ("127", 56, 64, 56, 61),
    ("128", 58, 66, 58, 65),
    ("129", 48, 54, 48, 52),
    ("130", 49, 62, 49, 63),
    ("131", 44, 56, 44, 52),
    ("132", 49, 57, 49, 59),
    ("133", 49, 62, 49, 61),
    ("134", 54, 61, 54, 62),
    ("135", 42, 53, 42, 51),
    ("136", 45, 60, 45, 61),
    ("137", 45, 50, 45, 52),
)


def _goal_lines() -> list[str]:
    right = sum(row[1] for row in SEALED_FIRST)
    proposed = sum(row[2] for row in SEALED_FIRST)
    found = sum(row[3] for row in SEALED_FIRST)
    claims = sum(row[4] for row in SEALED_FIRST)
    each = ", ".join(
        f"part {part} {100 * r / p:.0f}%/{100 * f / c:.0f}%" for part, r, p, f, c in SEALED_FIRST
    )
    return [
        "- The target on reports the extractor has not read (precision ≥ 90%, recall ≥ 85%), "
        "judged by the first measurements of parts 5-137, pooled: precision "
        f"{_pct(right, proposed)} — {verdict(right / proposed >= 0.90)}; recall "
        f"{_pct(found, claims)} — {verdict(found / claims >= 0.85)} (each, precision/recall: "
        f"{each}).",
        "- The rows above are after the fixes each part led to: they show the rules hold on "
        "the texts they were made from, not how the extractor reads a new report.",
    ]


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "—"


def _high_precision(texts: Sequence[DevText], parties: Sequence[PartyName]) -> tuple[int, int]:
    from tests.test_intake_extract import matches

    right = total = 0
    for text in texts:
        open_claims = list(text.claims)
        for p in propose(text.report, parties):
            hit = next((c for c in open_claims if matches(p, c)), None)
            if hit is not None:
                open_claims.remove(hit)
            if p.confidence == "high":
                total += 1
                right += hit is not None
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print every wrong proposal")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()
    load0 = loadavg()
    parties = lexicon_from_data()
    parts = {
        "tuning": load_part("tuning"),
        **{name: load_part(name.replace("-", "").replace(" ", "")) for name in HELD_OUT},
    }
    parts["whole set"] = [text for texts in parts.values() for text in texts]

    rows = []
    by_style: dict[str, dict[str, Score]] = {s: {} for s in STYLES}
    wrong: list[str] = []
    for name, texts in parts.items():
        total = Score()
        for text in texts:
            s = score_text(text, parties)
            total.add(s)
            if name != "whole set":
                by_style[text.style].setdefault(STYLE_COLUMNS[name], Score()).add(s)
        high_right, high_total = _high_precision(texts, parties)
        rows.append(
            [
                name,
                len(texts),
                total.claims,
                _pct(total.right, total.proposals),
                _pct(total.found, total.claims),
                _pct(high_right, high_total),
                len(total.high_on_traps),
            ]
        )
        if name == "whole set":
            continue
        wrong += [f"{name}: {w}" for w in total.wrong]

    style_rows = []
    for style in STYLES:
        cells: list[object] = [style]
        for name in dict.fromkeys(STYLE_COLUMNS.values()):
            s = by_style[style].get(name, Score())
            if style == "trap":
                cells.append(f"{s.proposals} proposals ({len(s.high_on_traps)} high)")
            else:
                cells.append(
                    f"P {_pct(s.right, s.proposals)}, R {_pct(s.found, s.claims)}"
                )
        style_rows.append(cells)

    all_texts = parts["whole set"]
    times = []
    for _ in range(5):
        for text in all_texts:
            started = time.perf_counter()
            propose(text.report, parties)
            times.append(time.perf_counter() - started)

    body = "\n".join(
        [
            environment_block(load0, loadavg(), command_line()),
            "",
            "The labelled development set of tests/data/intake/ (texts invented in the styles "
            "outlets use; the held-out part: its first batch written before the extractor, its "
            "second after the fourth tuning round, neither tuned on until part 2's rules (*) "
            "fixed its last three failures; held-out 2 written and "
            "labelled before the extractor read it, then used to find systematic errors, "
            "fixed by general rules with unit tests; held-out 3 written in seven batches (3a-3g), "
            "each labelled before the extractor read it and measured once before the fixes it "
            "led to, so its row here is after those fixes and no longer a clean estimate: the "
            "first measurements below are; parts 4-17 written in everyday styles, parts 4, 12, 14 "
            "and 16 before the extractor read it, parts 5 to 11, 13, 15 and 17 each kept sealed "
            "until the fixes before it were done, each measured once, parts 4-10, 12, 14 and 16 "
            "then fixed, parts 11, 13, 15 and 17 never tuned on, though later rules change their "
            "rows; parts 18-137 in the shapes of real published articles, 18 written before the "
            "extractor read it, 19-137 each sealed until the fixes before it were done, each "
            "measured once, then fixed; 100 and 101 measured once and lost). Right = "
            "number, former "
            "parties, date and party joined all as labelled; precision counts low-confidence "
            "proposals too.",
            "",
            table(
                [
                    "part",
                    "texts",
                    "claims",
                    "precision",
                    "recall",
                    "precision, high confidence only",
                    "high-confidence proposals on traps",
                ],
                rows,
            ),
            "",
            table(["style", *dict.fromkeys(STYLE_COLUMNS.values())], style_rows),
            "",
            *_goal_lines(),
            f"- The held-out batches' first measurements: {FIRST_HELDOUT}.",
            "- What part 2's failures led to (general rules, each unit-tested; * also fixed "
            "held-out part 1 texts, which are therefore no longer clean):",
            *[f"  - {fix}" for fix in FIXES],
            "- What part 3's failures led to (general rules, each unit-tested):",
            *[f"  - {fix}" for fix in FIXES_PART3],
            "- What the failures of parts 4-16 led to (general rules, each unit-tested):",
            *[f"  - {fix}" for fix in FIXES_PARTS_4_TO_16],
            "- What the failures of parts 18-47, 50-55 and one trap of 57 led to (general rules, "
            "each unit-tested):",
            *[f"  - {fix}" for fix in FIXES_PARTS_18_TO_55],
            f"- `propose` per text: median {ms(median(times))} ms, slowest {ms(max(times))} ms "
            f"({len(times)} runs over {len(all_texts)} texts).",
        ]
    )
    held_out_wrong = [w for w in wrong if w.startswith("held-out")]
    body += (
        "\n\nWhat the held-out parts get wrong (left as measured: fixing one text would be "
        "tuning on it):\n\n"
    )
    body += "\n".join(f"- {w}" for w in held_out_wrong) or "- nothing"
    print(body)
    if args.details:
        print("\n".join(wrong) or "nothing wrong")
    if not args.no_write:
        update_section("intake", "Intake: claims read from reports (bench/intake.py)", body)


if __name__ == "__main__":
    main()
