# Raising SystemExit directly with a code; except Exception does not catch it.
try:
    raise SystemExit(4)
except Exception:
    print('not caught by Exception')
finally:
    print('finally before exit')
