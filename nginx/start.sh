#!/bin/sh
# Container start of the nginx image: renders the configuration from the environment (nginx/render.sh),
# checks it, and runs nginx in the foreground as the image's unprivileged user.
set -eu
conf_dir="${NGINX_CONF_DIR:-/tmp/nginx/conf}"
template="${NGINX_TEMPLATE:-/etc/trading-backtest/nginx.conf}"
render-nginx-conf "$template" "$conf_dir"
nginx -t -q -c "$conf_dir/nginx.conf" -e stderr
exec nginx -c "$conf_dir/nginx.conf" -e stderr -g 'daemon off;'
