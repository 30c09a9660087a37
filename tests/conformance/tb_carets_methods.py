# Traceback caret lines through methods, attributes and a task awaited by gather.
import asyncio

class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"only {self.balance} left")
        self.balance -= amount
        return self.balance

async def spend(account, amounts):
    for amount in amounts:
        await asyncio.sleep(0.1)
        print("left", account.withdraw(amount))

async def main():
    account = Account(10)
    await asyncio.gather(spend(account, [3, 4]), spend(account, [2, 5]))

asyncio.run(main())
