import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pwdlib import PasswordHash

app = FastAPI()
basic = HTTPBasic()

password_hash = PasswordHash.recommended()
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


@dataclass
class User:
    username: str
    password_hash: str
    role: str


users: dict[str, User] = {}


def add_user(username: str, password: str, role: str) -> None:
    users[username] = User(username, password_hash.hash(password), role)


def current_user(credentials: Annotated[HTTPBasicCredentials, Depends(basic)]) -> User:
    user = users.get(credentials.username)
    hashed = user.password_hash if user else UNKNOWN_USER
    if not password_hash.verify(credentials.password, hashed):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Basic"},
        )
    return user


def require_role(role: str):
    def check(user: Annotated[User, Depends(current_user)]) -> User:
        if user.role != role:
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN, detail="Not enough permissions"
            )
        return user

    return check


@app.get("/admin/report")
def report(user: Annotated[User, Depends(require_role("admin"))]) -> dict[str, str]:
    return {"username": user.username, "role": user.role}
