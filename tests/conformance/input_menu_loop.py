# input() in a menu loop: answers read in order until "quit", a bad number handled, EOF ends.
total = 0
while True:
    choice = input('add, show or quit? ').strip().lower()
    if choice == 'quit':
        break
    if choice == 'add':
        try:
            total += int(input('how much? '))
        except ValueError as e:
            print('not a number:', e)
    elif choice == 'show':
        print('total is', total)
    else:
        print('unknown:', repr(choice))
print('bye with', total)
