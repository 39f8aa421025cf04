import os
import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pwdlib import PasswordHash
from pydantic import BaseModel

SECRET_KEY = os.environ.get("JWT_SECRET_KEY") or secrets.token_urlsafe(32)
ALGORITHM = "HS256"
TOKEN_LIFETIME = timedelta(minutes=30)

password_hash = PasswordHash.recommended()
users: dict[str, str] = {}
UNKNOWN_USER = password_hash.hash(secrets.token_urlsafe())


def add_user(username: str, password: str) -> None:
    users[username] = password_hash.hash(password)


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


@app.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    if not password_hash.verify(form.password, users.get(form.username, UNKNOWN_USER)):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    claims = {"sub": form.username, "exp": datetime.now(UTC) + TOKEN_LIFETIME}
    return Token(access_token=jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM))


def current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> str:
    credentials_error = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        claims = jwt.decode(
            token, SECRET_KEY, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]}
        )
    except jwt.InvalidTokenError:
        raise credentials_error from None
    if claims["sub"] not in users:
        raise credentials_error
    return claims["sub"]


@app.get("/me")
def me(username: Annotated[str, Depends(current_user)]) -> dict[str, str]:
    return {"username": username}
