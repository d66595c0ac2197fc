"""Spelling of the wrong norm or variant (O1xx): pre-1990 forms, the other variant's forms,
missing accents and crases.
"""

from __future__ import annotations

CHECKS = ()
