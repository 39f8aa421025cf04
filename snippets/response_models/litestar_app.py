import itertools
from dataclasses import dataclass
from datetime import UTC, datetime

from litestar import Litestar, get, post
from litestar.dto import DataclassDTO, DTOConfig
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from pwdlib import PasswordHash
from pydantic import BaseModel, EmailStr, Field

password_hash = PasswordHash.recommended()


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    password: str = Field(min_length=12)


@dataclass
class User:
    id: int
    name: str
    email: str
    created_at: datetime
    password_hash: str


class UserOut(DataclassDTO[User]):
    config = DTOConfig(exclude={"password_hash"})


users: dict[int, User] = {}
ids = itertools.count(1)


@post("/users", return_dto=UserOut)
async def create_user(data: JSONBody[UserIn]) -> User:
    user = User(
        id=next(ids),
        name=data.name,
        email=data.email,
        created_at=datetime.now(UTC),
        password_hash=password_hash.hash(data.password),
    )
    users[user.id] = user
    return user


@get("/users/{user_id:int}", return_dto=UserOut)
async def read_user(user_id: FromPath[int]) -> User:
    if user_id not in users:
        raise NotFoundException("User not found")
    return users[user_id]


app = Litestar(route_handlers=[create_user, read_user])
