#!/usr/bin/env python3
"""Kill-storm client: N threads submit full support registrations to the real app over HTTP (no JavaScript,
like a browser), retrying through server restarts. A registration counts as acknowledged only when the submit
POST answered 302 -> /dang-ky-ho-tro/da-gui. A lost answer to the submit is retried with the same cookies and
the same idempotency key, exactly as a user pressing the button again. Python standard library only."""
import argparse
import http.client
import json
import os
import random
import re
import threading
import time
import urllib.parse
import uuid

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
KEY = re.compile(r'name="khoa" value="([^"]+)"')
REFERENCE = re.compile(r'class="reference"><strong>(KC-\d{4}-\d{6})<')


class Down(Exception):
    """The server did not answer (killed, restarting)."""


class Browser:
    def __init__(self, host, port):
        self.host, self.port, self.cookies = host, port, {}

    def request(self, method, path, fields=None):
        body = urllib.parse.urlencode(fields, doseq=True) if fields is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    k, _, v = pair.partition("=")
                    self.cookies[k.strip()] = v.strip()
            conn.close()
            return response.status, response.getheader("Location"), text
        except (OSError, http.client.HTTPException) as error:
            raise Down(str(error)) from error


def answers(marker):
    lines = random.choice([["may-moc", "hoi-cho"], ["dao-tao"], ["may-moc"], ["tu-van-thiet-ke", "phong-trung-bay"]])
    steps = [
        ("loai-hinh", {"Form.Type": "doanh-nghiep", "Form.EstablishmentName": marker}),
        ("dia-diem", {"Form.Place": random.choice(["huyen-ba-tri", "huyen-giong-trom", "thanh-pho-ben-tre"])}),
        ("san-xuat", {"Form.Sector": "che-bien", "Form.MainProducts": "Kẹo dừa, bánh phồng"}),
        ("quy-mo", {"Form.Workers": str(random.randint(1, 200)), "Form.Years": str(random.randint(0, 30))}),
        ("ho-tro", {"Form.Lines": lines}),
    ]
    if "may-moc" in lines:
        steps.append(("may-moc", {"Form.Machine": "Máy đóng gói tự động", "Form.MachineCost": "250.000.000"}))
    steps += [
        ("du-an", {"Form.Project": "Đầu tư dây chuyền.", "Form.Investment": "500.000.000", "Form.Own": "300.000.000", "Form.Timing": "6-thang"}),
        ("lien-he", {"Form.ContactName": "Nguyễn Văn Thử", "Form.ContactRole": "Giám đốc", "Form.Phone": "0912 345 678"}),
        ("dong-y", {"Form.ConsentHandling": "yes"}),
    ]
    return steps


def one_registration(host, port, marker, stats, lock):
    """Fills the form; on a failure before submitting, starts again with a new draft. Returns the key on ack."""
    while True:
        browser = Browser(host, port)
        try:
            _, _, page = browser.request("GET", "/dang-ky-ho-tro")
            token = TOKEN.search(page).group(1)
            status, location, _ = browser.request("POST", "/dang-ky-ho-tro", {"__RequestVerificationToken": token})
            if status != 302:
                raise Down(f"start {status}")
            for step, fields in answers(marker):
                status, location, _ = browser.request("POST", "/dang-ky-ho-tro/" + step, {**fields, "__RequestVerificationToken": token})
                if status != 302:
                    raise Down(f"{step} {status}")
            status, _, page = browser.request("GET", "/dang-ky-ho-tro/kiem-tra")
            key = KEY.search(page).group(1) if status == 200 and KEY.search(page) else None
            if key is None:
                raise Down(f"check {status}")
        except (Down, AttributeError):
            with lock:
                stats["restarts_before_submit"] += 1
            time.sleep(0.2)
            continue
        # Submit, retrying the very same request until the server gives a definite answer.
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                status, location, _ = browser.request("POST", "/dang-ky-ho-tro/kiem-tra", {"khoa": key, "__RequestVerificationToken": token})
            except Down:
                with lock:
                    stats["submit_retries"] += 1
                time.sleep(0.2)
                continue
            if status == 302 and location == "/dang-ky-ho-tro/da-gui":
                reference = None
                try:
                    _, _, done = browser.request("GET", "/dang-ky-ho-tro/da-gui")
                    found = REFERENCE.search(done)
                    reference = found.group(1) if found else None
                except Down:
                    pass
                return key, reference
            with lock:
                stats["submit_refused"] += 1
            return None, None
        return None, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--stop-file", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    lock = threading.Lock()
    stats = {"restarts_before_submit": 0, "submit_retries": 0, "submit_refused": 0}
    acked = []
    run = uuid.uuid4().hex[:8]

    def worker(n):
        seq = 0
        while not os.path.exists(args.stop_file):
            seq += 1
            marker = f"KS-{run}-{n:02d}-{seq:05d}"
            key, reference = one_registration("127.0.0.1", args.port, marker, stats, lock)
            if key is not None:
                with lock:
                    acked.append({"marker": marker, "key": key, "reference": reference})

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"run": run, "acked": acked, **stats}, out)


if __name__ == "__main__":
    main()
