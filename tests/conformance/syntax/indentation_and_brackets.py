# Modules that fail to compile: the SyntaxError subclass, message, location and text
# CPython reports for bad indentation and unclosed brackets (imports compile the
# module's source, so errors at EOF keep the last line's length as their column).
def show(name):
    try:
        __import__(name)
    except SyntaxError as e:
        print(name, type(e).__name__, repr(e.msg))
        print('   ', (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
    else:
        print(name, 'compiled')

for name in ['_expected_block', '_unexpected_indent', '_unindent_mismatch', '_tabs_then_spaces',
             '_tabs_ambiguous', '_tabs_consistent', '_never_closed_at_eof',
             '_never_closed_before_statement', '_never_closed_in_function', '_block_at_eof',
             '_block_at_eof_no_newline', '_never_closed_after_non_ascii', '_multiline_range',
             '_decorator_at_eof']:
    show(name)

print(TabError.__mro__[1:3] == (IndentationError, SyntaxError))
try:
    __import__('_tabs_then_spaces')
except IndentationError as e:
    print('caught as IndentationError:', type(e).__name__)
