import threading

from flask import Flask
from flask_sock import Sock
from simple_websocket import ConnectionClosed

app = Flask(__name__)
sock = Sock(app)
members = set()
members_lock = threading.Lock()


@sock.route("/ws/echo")
def echo(ws):
    while True:
        ws.send(ws.receive())


@sock.route("/ws/chat")
def chat(ws):
    with members_lock:
        members.add(ws)
    try:
        while True:
            message = ws.receive()
            with members_lock:
                current = list(members)
            for member in current:
                try:
                    member.send(message)
                except ConnectionClosed:
                    with members_lock:
                        members.discard(member)
    finally:
        with members_lock:
            members.discard(ws)
