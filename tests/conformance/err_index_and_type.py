for expr in ['[1, 2][5]', '"a" + 1', 'len(5)', 'None.x', 'int("abc")', '{}["k"]', '(1, 2).append', 'abs("x")']:
    try:
        eval_result = None
        if expr == '[1, 2][5]':
            [1, 2][5]
        elif expr == '"a" + 1':
            'a' + 1
        elif expr == 'len(5)':
            len(5)
        elif expr == 'None.x':
            None.x
        elif expr == 'int("abc")':
            int('abc')
        elif expr == '{}["k"]':
            {}['k']
        elif expr == '(1, 2).append':
            (1, 2).append
        else:
            abs('x')
    except Exception as e:
        print(type(e).__name__ + ':', e)
