# A name used without self. in a method: the traceback suggests 'self.name'.
class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return 'Hello, ' + name

print(Greeter('Ada').greet())
