import itertools

from pydantic import BaseModel, EmailStr, Field, ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    age: int = Field(ge=0)


class User(UserIn):
    id: int


users: dict[int, User] = {}
ids = itertools.count(1)


async def create_user(request: Request) -> JSONResponse:
    try:
        user_in = UserIn.model_validate_json(await request.body())
    except ValidationError as error:
        errors = error.errors(include_url=False, include_input=False)
        return JSONResponse({"detail": errors}, status_code=422)
    user = User(id=next(ids), **user_in.model_dump())
    users[user.id] = user
    return JSONResponse(user.model_dump(), status_code=201)


app = Starlette(routes=[Route("/users", create_user, methods=["POST"])])
