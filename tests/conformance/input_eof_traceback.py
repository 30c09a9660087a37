# input() with nothing to read: EOFError's traceback, after the prompt.
print('before')
value = input('Your guess: ')
print('never', value)
