"""Reading review prose: which content warnings a text suggests, which sentences tell the ending.

Light, offline and fast: sentences are split by punctuation, words are matched against cue
lexicons (data/*.json) together with their inflections, and small context rules keep
negated ("no gore"), figurative ("the cast kills it") and title uses ("Suicide Squad")
quiet. Nothing is imported or read until a rule asks (`warnings.find`, `endings.find`).
"""
