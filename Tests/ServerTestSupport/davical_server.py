"""Runs DAViCal 1.1 (Debian's davical on Apache + mod_php and PostgreSQL) for rota's tests and `make bench-push`.

Usage: davical_server.py DIR PORT USER PASSWORD [CACHE]  (stdlib only; as root: PostgreSQL runs as `postgres`,
Apache's children as `www-data`)

Everything lives in DIR (made here, mode 755): a private PostgreSQL cluster reached over a unix socket only
(DIR/pgrun), and Apache with a config of its own listening on 127.0.0.1:PORT. /etc/davical/config.php names no host,
so Apache started with PGHOST=DIR/pgrun points DAViCal at the private cluster (NOTES.md).
A new cluster with DAViCal's schema and the user takes 5-15 s (initdb, create-database.sh); with CACHE (a folder, e.g.
under .build) the first start keeps a stopped copy of that cluster there, named by a hash of everything that shaped
it, and later starts copy it (well under a second), so every test still gets a server and a database of its own.
Prints READY when the user's principal answers, then runs until SIGTERM/SIGINT and stops Apache and PostgreSQL.
On a failed start it prints the logs of both.
"""
import fcntl
import glob
import hashlib
import os
import pwd
import signal
import subprocess
import sys
import time
from pathlib import Path

from caldav_probe import propfind_answers

HTDOCS = Path("/usr/share/davical/htdocs")
CREATE_DATABASE = Path("/usr/share/davical/dba/create-database.sh")
MODULES = Path("/usr/lib/apache2/modules")


def postgres_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    if not found or not HTDOCS.exists():
        print("davical_server.py: PostgreSQL or DAViCal is missing: install the Debian packages in "
              "scripts/system-packages.txt", flush=True)
        sys.exit(1)
    return Path(found[-1]).parent


def as_postgres():
    return {"user": "postgres", "group": "postgres"}


class Server:
    def __init__(self, directory, port, user, password):
        self.directory, self.port, self.user, self.password = directory, port, user, password
        self.pgdata, self.pgrun = directory / "pg", directory / "pgrun"
        self.postgres = self.apache = None

    def fail(self, message):
        print(f"davical_server.py: {message}", flush=True)
        for log in [self.directory / "postgres.log", self.directory / "apache-error.log"]:
            if log.exists():
                print(f"--- {log}:\n{log.read_text(errors='replace')[-4000:]}", flush=True)
        self.stop()
        sys.exit(1)

    def stop(self, *_):
        # Apache: SIGTERM to the parent stops its children. PostgreSQL: SIGINT is the fast shutdown.
        for process, signum in [(self.apache, signal.SIGTERM), (self.postgres, signal.SIGINT)]:
            if process is not None and process.poll() is None:
                process.send_signal(signum)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    def prepare_database(self, cache):
        """A cluster with the schema and the user in self.pgdata: copied from CACHE, else made (and kept there)."""
        self.pgrun.mkdir()
        os.chown(self.pgrun, *self.postgres_ids())
        if cache is None:
            self.make_database()
            return
        cache.mkdir(parents=True, exist_ok=True)
        template = cache / f"davical-{self.template_key()}"
        with open(cache / "davical.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not template.exists():
                self.make_database()
                self.stop_postgres()
                partial = cache / f"{template.name}.partial-{os.getpid()}"
                subprocess.run(["cp", "-a", str(self.pgdata), str(partial)], check=True)
                partial.rename(template)
                self.start_postgres()
                return
        subprocess.run(["cp", "-a", str(template), str(self.pgdata)], check=True)
        self.start_postgres()

    def template_key(self):
        """What shaped the cluster: this script, DAViCal's schema, PostgreSQL's version, the user and password."""
        digest = hashlib.sha256()
        for path in [Path(__file__), CREATE_DATABASE.parent / "davical.sql", postgres_bin() / "postgres"]:
            digest.update(path.read_bytes())
        digest.update(f"{self.user}:{self.password}".encode())
        return digest.hexdigest()[:16]

    def make_database(self):
        self.pgdata.mkdir()
        os.chown(self.pgdata, *self.postgres_ids())
        subprocess.run([str(postgres_bin() / "initdb"), "-D", str(self.pgdata), "-U", "postgres", "-A", "trust",
                        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], check=True, stdout=subprocess.DEVNULL,
                       cwd=self.directory, **as_postgres())
        self.start_postgres()
        self.create_database()

    def stop_postgres(self):
        self.postgres.send_signal(signal.SIGINT)
        self.postgres.wait()
        self.postgres = None

    def start_postgres(self):
        bin_dir = postgres_bin()
        log = open(self.directory / "postgres.log", "ab")
        self.postgres = subprocess.Popen(
            [str(bin_dir / "postgres"), "-D", str(self.pgdata), "-c", "listen_addresses=", "-k", str(self.pgrun),
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL, cwd=self.directory, **as_postgres())
        deadline = time.monotonic() + 30
        while subprocess.run(["pg_isready", "-q", "-h", str(self.pgrun)]).returncode != 0:
            if self.postgres.poll() is not None or time.monotonic() > deadline:
                self.fail("PostgreSQL did not start")
            time.sleep(0.1)

    def postgres_ids(self):
        entry = pwd.getpwnam("postgres")
        return entry.pw_uid, entry.pw_gid

    def psql(self, sql):
        subprocess.run(["psql", "-qXAt", "-v", "ON_ERROR_STOP=1", "-c", sql, "davical"], check=True,
                       env=self.pg_environment(), stdout=subprocess.DEVNULL)

    def pg_environment(self):
        return {**os.environ, "PGHOST": str(self.pgrun), "PGUSER": "postgres",
                "PGOPTIONS": "--client-min-messages=warning"}

    def create_database(self):
        made = subprocess.run(["sh", str(CREATE_DATABASE), "davical", self.password + "-admin"],
                              env=self.pg_environment(), capture_output=True, cwd=self.directory)
        if made.returncode != 0:
            self.fail(f"create-database.sh failed:\n{made.stdout.decode()}{made.stderr.decode()}")
        user = self.user.replace("'", "''")
        password = self.password.replace("'", "''")
        # '**' marks a plaintext password (DAViCal's own form); principal type 1 is a person.
        self.psql(f"""
            INSERT INTO usr (user_no, active, email_ok, updated, username, password, fullname, email)
                VALUES (1000, TRUE, current_date, current_date, '{user}', '**{password}', '{user}',
                        '{user}@example.net');
            INSERT INTO principal (type_id, user_no, displayname, default_privileges)
                VALUES (1, 1000, '{user}', 0::BIT(24));""")

    def start_apache(self):
        config = self.directory / "apache2.conf"
        config.write_text(f"""ServerRoot "/etc/apache2"
ServerName 127.0.0.1
Listen 127.0.0.1:{self.port}
PidFile {self.directory / "apache.pid"}
Mutex file:{self.directory}
DefaultRuntimeDir {self.directory}
ErrorLog {self.directory / "apache-error.log"}
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module {MODULES / "mod_mpm_prefork.so"}
LoadModule authz_core_module {MODULES / "mod_authz_core.so"}
LoadModule dir_module {MODULES / "mod_dir.so"}
LoadModule mime_module {MODULES / "mod_mime.so"}
LoadModule rewrite_module {MODULES / "mod_rewrite.so"}
LoadModule php_module {MODULES / "libphp8.2.so"}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
DocumentRoot {HTDOCS}
AcceptPathInfo On
<Directory {HTDOCS}>
    DirectoryIndex index.php
    AllowOverride None
    Require all granted
</Directory>
<FilesMatch "\\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>
RewriteEngine On
RewriteRule ^/\\.well-known/(.*)$ /caldav.php/.well-known/$1 [NC,PT]
""")
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PGHOST": str(self.pgrun),
                       "LANG": "C.UTF-8", "APACHE_RUN_DIR": str(self.directory)}
        self.apache = subprocess.Popen(["apache2", "-f", str(config), "-DFOREGROUND"], env=environment,
                                       stdin=subprocess.DEVNULL, cwd=self.directory)
        deadline = time.monotonic() + 30
        while not self.answers():
            if self.apache.poll() is not None or time.monotonic() > deadline:
                self.fail(f"the principal on 127.0.0.1:{self.port} did not answer 207 within 30 s")
            time.sleep(0.05)

    def answers(self):
        return propfind_answers(self.port, f"/caldav.php/{self.user}/", self.user, self.password)


def main():
    if len(sys.argv) not in (5, 6):
        print("usage: davical_server.py DIR PORT USER PASSWORD [CACHE]", flush=True)
        sys.exit(1)
    if os.geteuid() != 0:
        print("davical_server.py: must run as root (PostgreSQL runs as postgres, Apache as www-data)", flush=True)
        sys.exit(1)
    directory = Path(sys.argv[1])
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o755)
    server = Server(directory, int(sys.argv[2]), sys.argv[3], sys.argv[4])

    def stop(*_):
        server.stop()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.prepare_database(Path(sys.argv[5]) if len(sys.argv) == 6 else None)
    server.start_apache()
    print("READY", flush=True)
    while server.apache.poll() is None and server.postgres.poll() is None:
        time.sleep(0.2)
    server.fail("Apache or PostgreSQL exited")


if __name__ == "__main__":
    main()
