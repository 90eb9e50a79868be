# Uncaught AttributeError on a built-in type's instance.
words = ['a', 'b']
words.append('c')
print(words)
words.push('d')
