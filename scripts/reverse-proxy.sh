#!/usr/bin/env bash
# nginx in front of `sitrep serve --team`, terminating TLS on loopback (see docs/deploy.md, "A reverse proxy").
#   reverse-proxy.sh install                     installs Debian's nginx when it is missing (root only)
#   reverse-proxy.sh start DIR PORT UPSTREAM     writes DIR/nginx.conf and a self-signed certificate for localhost
#                                                (unless DIR/cert.pem and DIR/key.pem exist), starts nginx on
#                                                https://127.0.0.1:PORT forwarding to UPSTREAM (http://127.0.0.1:5097)
#   reverse-proxy.sh stop DIR                    stops that nginx (its pid file in DIR) and leaves DIR in place
# The configuration is the one to copy: it forwards Host, X-Forwarded-For and X-Forwarded-Proto (which
# `sitrep serve` trusts from a proxy on loopback only), does not buffer the events stream, and lets uploads through
# up to the server's own limit.
set -euo pipefail

install() {
  if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "reverse-proxy: nginx is missing and this is not root; run 'sudo apt-get install nginx'" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nginx >/dev/null
  # Debian's package starts its own server on port 80 where it can; this script runs its own instance instead.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
    systemctl stop nginx || true
  elif [ -f /run/nginx.pid ]; then
    /usr/sbin/nginx -s quit 2>/dev/null || true
  fi
}

nginx_bin() {
  command -v nginx 2>/dev/null || echo /usr/sbin/nginx
}

start() {
  local dir=$1 port=$2 upstream=$3
  install
  mkdir -p "$dir/logs" "$dir/tmp"
  dir=$(cd "$dir" && pwd)
  if [ ! -f "$dir/cert.pem" ] || [ ! -f "$dir/key.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1
  fi
  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $dir/logs/access.log;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server_tokens off;
  upstream sitrep { server ${upstream#http://}; keepalive 32; }
  server {
    listen 127.0.0.1:$port ssl;
    server_name localhost;
    ssl_certificate $dir/cert.pem;
    ssl_certificate_key $dir/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    # sitrep serve refuses a request above its --max-upload (16 MiB by default) itself; let it say so.
    client_max_body_size 17m;
    # Set once for the server, inherited by both locations (neither sets proxy headers of its own).
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    location / {
      proxy_pass http://sitrep;
    }
    location = /events {
      proxy_pass http://sitrep;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
EOF
  "$(nginx_bin)" -t -q -c "$dir/nginx.conf" -p "$dir"
  "$(nginx_bin)" -c "$dir/nginx.conf" -p "$dir"
  echo "https://127.0.0.1:$port -> $upstream (nginx, config $dir/nginx.conf)"
}

stop() {
  local dir=$1
  if [ -f "$dir/nginx.pid" ]; then
    "$(nginx_bin)" -c "$dir/nginx.conf" -p "$dir" -s quit
  fi
}

case "${1:-}" in
  install) install ;;
  start) start "${2:?DIR}" "${3:?PORT}" "${4:-http://127.0.0.1:5097}" ;;
  stop) stop "${2:?DIR}" ;;
  *) echo "usage: $0 install | start DIR PORT [UPSTREAM] | stop DIR" >&2; exit 2 ;;
esac
