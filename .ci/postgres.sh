#!/bin/sh
# Makes sure a PostgreSQL accepts the user postgres without a password on 127.0.0.1:5432.
set -eu

listening() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    bash -c 'exec 3<>/dev/tcp/127.0.0.1/5432' 2>/dev/null
  fi
}

if listening; then
  echo "PostgreSQL already listening on 127.0.0.1:5432"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
version=$(ls /etc/postgresql | sort -V | tail -n 1)
hba="/etc/postgresql/${version}/main/pg_hba.conf"
# a throwaway CI database: trust local TCP connections so the tests need no password
sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
pg_ctlcluster "$version" main start || pg_ctlcluster "$version" main restart
for _ in $(seq 1 30); do
  listening && break
  sleep 1
done
listening || { echo "PostgreSQL did not start" >&2; exit 1; }
echo "PostgreSQL ${version} started on 127.0.0.1:5432"
