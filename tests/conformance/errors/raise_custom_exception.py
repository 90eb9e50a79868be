# Uncaught user-defined exception with a message.
class ValidationError(Exception):
    pass

def validate(age):
    if age < 0:
        raise ValidationError('age must be non-negative, got %d' % age)
    return age

print(validate(5))
validate(-1)
