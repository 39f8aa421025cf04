import itertools

from fastapi import FastAPI
from pydantic import BaseModel, EmailStr, Field

app = FastAPI()


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    age: int = Field(ge=0)


class User(UserIn):
    id: int


users: dict[int, User] = {}
ids = itertools.count(1)


@app.post("/users", status_code=201)
def create_user(user_in: UserIn) -> User:
    user = User(id=next(ids), **user_in.model_dump())
    users[user.id] = user
    return user
