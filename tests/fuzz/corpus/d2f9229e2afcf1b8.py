print('\tart')
priname))

