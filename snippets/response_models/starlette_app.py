import itertools
from datetime import UTC, datetime

from pwdlib import PasswordHash
from pydantic import BaseModel, EmailStr, Field, ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

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


def public(user: UserInDB) -> dict:
    return UserOut.model_validate(user.model_dump()).model_dump(mode="json")


async def create_user(request: Request) -> JSONResponse:
    try:
        user_in = UserIn.model_validate_json(await request.body())
    except ValidationError as error:
        errors = error.errors(include_url=False, include_input=False)
        return JSONResponse({"detail": errors}, status_code=422)
    user = UserInDB(
        id=next(ids),
        name=user_in.name,
        email=user_in.email,
        created_at=datetime.now(UTC),
        password_hash=password_hash.hash(user_in.password),
    )
    users[user.id] = user
    return JSONResponse(public(user), status_code=201)


async def read_user(request: Request) -> JSONResponse:
    user_id = request.path_params["user_id"]
    if user_id not in users:
        raise HTTPException(status_code=404, detail="User not found")
    return JSONResponse(public(users[user_id]))


app = Starlette(
    routes=[
        Route("/users", create_user, methods=["POST"]),
        Route("/users/{user_id:int}", read_user),
    ]
)
