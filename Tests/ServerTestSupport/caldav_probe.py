"""The readiness probe the Cyrus and DAViCal launchers share (imported from the launcher's own folder)."""
import base64
import http.client


def propfind_answers(port, path, user, password):
    """True once `path` on 127.0.0.1:`port` answers a Basic-auth PROPFIND (Depth: 0) with 207."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("PROPFIND", path, headers={"Authorization": f"Basic {token}", "Depth": "0"})
        status = connection.getresponse().status
        connection.close()
        return status == 207
    except OSError:
        return False
