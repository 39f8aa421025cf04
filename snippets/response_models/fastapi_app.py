import itertools
from datetime import UTC, datetime

from fastapi import FastAPI, HTTPException
from pwdlib import PasswordHash
from pydantic import BaseModel, EmailStr, Field

app = FastAPI()
password_hash = PasswordHash.recommended()


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    password: str = Field(min_length=12)


class UserOut(BaseModel):
    id: int
    name: str
    email: EmailStr
    created_at: datetime


class UserInDB(UserOut):
    password_hash: str


users: dict[int, UserInDB] = {}
ids = itertools.count(1)


@app.post("/users", status_code=201)
def create_user(user_in: UserIn) -> UserOut:
    user = UserInDB(
        id=next(ids),
        name=user_in.name,
        email=user_in.email,
        created_at=datetime.now(UTC),
        password_hash=password_hash.hash(user_in.password),
    )
    users[user.id] = user
    return user


@app.get("/users/{user_id}")
def read_user(user_id: int) -> UserOut:
    if user_id not in users:
        raise HTTPException(status_code=404, detail="User not found")
    return users[user_id]
