"""Where SQL text is code and where it is quoted or commented, by each server engine's own rules, so a `;`
or a `:name` inside a string, a quoted name, a comment or a PostgreSQL dollar-quoted body is left alone.

SQLite's rules stay with sqlite3.complete_statement (sql_script.split_statements); these are the servers'.
"""
import re

CODE, QUOTED, COMMENT = "code", "quoted", "comment"

# PostgreSQL's dollar quote: $$ or $tag$ (a tag never starts with a digit: $1 is a parameter).
DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")
# Where a quote or a comment may open: the scanners look only there, so a seed's long runs of code cost
# one regex search, not a call per character.
OPENERS = {"postgres": re.compile(r"['\"$]|--|/\*"), "mariadb": re.compile(r"['\"`#]|--|/\*")}


def segments(text, engine):
    """(kind, start, end) spans covering text in order; an unterminated quote or comment runs to the end
    (the server reports it as the syntax error it is)."""
    scan = _postgres if engine == "postgres" else _mariadb
    openers = OPENERS["postgres" if engine == "postgres" else "mariadb"]
    out = []
    code_start = i = 0
    while (opener := openers.search(text, i)) is not None:
        i = opener.start()
        found = scan(text, i)
        if found is None:
            i += 1
            continue
        kind, end = found
        if code_start < i:
            out.append((CODE, code_start, i))
        out.append((kind, i, end))
        code_start = i = end
    if code_start < len(text):
        out.append((CODE, code_start, len(text)))
    return out


def _postgres(text, i):
    c = text[i]
    if c == "'":
        backslashes = i > 0 and text[i - 1] in "eE" and (i < 2 or not _word(text[i - 2]))
        return QUOTED, _quote_end(text, i, "'", backslashes)
    if c == '"':
        return QUOTED, _quote_end(text, i, '"', False)
    if text.startswith("--", i):
        return COMMENT, _line_end(text, i)
    if text.startswith("/*", i):
        return COMMENT, _nested_comment_end(text, i)
    if c == "$" and (i == 0 or not _word(text[i - 1])):
        tag = DOLLAR.match(text, i)
        if tag:
            close = text.find(tag.group(0), tag.end())
            return QUOTED, len(text) if close == -1 else close + len(tag.group(0))
    return None


def _mariadb(text, i):
    c = text[i]
    if c in "'\"":
        return QUOTED, _quote_end(text, i, c, True)
    if c == "`":
        return QUOTED, _quote_end(text, i, "`", False)
    # MariaDB's `--` starts a comment only when a space or control character follows it.
    if c == "#" or (text.startswith("--", i) and (i + 2 == len(text) or text[i + 2] <= " ")):
        return COMMENT, _line_end(text, i)
    if text.startswith("/*", i):
        close = text.find("*/", i + 2)
        return COMMENT, len(text) if close == -1 else close + 2
    return None



def _quote_end(text, i, quote, backslashes):
    """End of the quoted span opened at i: a doubled quote is one quote; with backslashes, \\x escapes x."""
    j = i + 1
    while j < len(text):
        if backslashes and text[j] == "\\":
            j += 2
        elif text[j] == quote:
            if text.startswith(quote, j + 1):
                j += 2
            else:
                return j + 1
        else:
            j += 1
    return len(text)


def _line_end(text, i):
    newline = text.find("\n", i)
    return len(text) if newline == -1 else newline + 1


def _nested_comment_end(text, i):
    depth, j = 0, i
    while j < len(text):
        if text.startswith("/*", j):
            depth, j = depth + 1, j + 2
        elif text.startswith("*/", j):
            depth, j = depth - 1, j + 2
            if depth == 0:
                return j
        else:
            j += 1
    return len(text)


def _word(c):
    return c.isalnum() or c == "_"
