"""Arabic text handling shared by every stage: normalisation with an offset map, sentences, tokens."""

from marsad.arabic.normalize import Normalized, fold, normalize
from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokens import Token, strip_clitics, tokenize

__all__ = ["Normalized", "Token", "fold", "normalize", "split_sentences", "strip_clitics", "tokenize"]
