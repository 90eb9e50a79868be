# An uncaught exception with several exception bases: its traceback names its class.
class ParseError(ValueError, IndexError):
    pass


def parse(text):
    if not text:
        raise ParseError("empty input", 0)
    return text


print(parse("ok"))
try:
    parse("")
except IndexError as e:
    print("caught:", e.args)
parse("")
