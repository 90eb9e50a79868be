# Uncaught TypeError from calling a function with too many arguments.
def area(width, height):
    return width * height
print(area(3, 4))
print(area(3, 4, 5))
