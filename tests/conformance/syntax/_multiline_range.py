f(x for x in
     yyyyyyyyyyyyyyyyyy, 1)
