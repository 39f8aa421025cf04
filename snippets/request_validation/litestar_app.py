import itertools

from litestar import Litestar, post
from litestar.params import JSONBody
from pydantic import BaseModel, EmailStr, Field


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    age: int = Field(ge=0)


class User(UserIn):
    id: int


users: dict[int, User] = {}
ids = itertools.count(1)


@post("/users")
async def create_user(data: JSONBody[UserIn]) -> User:
    user = User(id=next(ids), **data.model_dump())
    users[user.id] = user
    return user


app = Litestar(route_handlers=[create_user])
