"""The input layer: a file, stdin or a string -> ``Article`` (text, headline, byline, body).

Plain text and Markdown are read with the standard library only; trafilatura is imported on
first use, for HTML.
"""

from framing.article.decoding import decode_bytes
from framing.article.reading import article_from_text, read_article, sniff_format

__all__ = ["article_from_text", "decode_bytes", "read_article", "sniff_format"]
