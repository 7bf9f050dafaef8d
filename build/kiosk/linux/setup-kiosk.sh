#!/bin/sh
# Sets up a Debian/Ubuntu laptop as an LBT kiosk: a dedicated account, the app under cage on tty1 at boot, no
# sleep. Run as root after installing the lbt-kiosk .deb. `setup-kiosk.sh --remove` undoes it.
set -eu

ACCOUNT=lbt-kiosk
HERE=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root (sudo $0)." >&2
  exit 1
fi

if [ "${1:-}" = "--remove" ]; then
  systemctl disable --now lbt-kiosk.service || true
  rm -f /etc/systemd/system/lbt-kiosk.service /etc/systemd/logind.conf.d/lbt-kiosk.conf
  systemctl unmask sleep.target suspend.target hibernate.target hybrid-sleep.target
  systemctl enable getty@tty1.service
  systemctl daemon-reload
  echo "Kiosk session removed (the $ACCOUNT account stays)."
  exit 0
fi

if [ ! -x "/opt/LBT Kiosk/lbt-kiosk" ]; then
  echo "LBT Kiosk is not installed at /opt/LBT Kiosk (install the .deb first)." >&2
  exit 1
fi

command -v cage >/dev/null 2>&1 || apt-get install -y cage

# A locked account without a password: nobody logs in as it, systemd starts its session.
if ! id "$ACCOUNT" >/dev/null 2>&1; then
  useradd --create-home --shell /usr/sbin/nologin --comment "LBT Kiosk" "$ACCOUNT"
  passwd --lock "$ACCOUNT"
fi
# Display, input and sound devices for the Wayland session.
for group in video input render audio; do
  getent group "$group" >/dev/null && usermod -aG "$group" "$ACCOUNT"
done

install -m 0644 "$HERE/lbt-kiosk.service" /etc/systemd/system/lbt-kiosk.service

# No sleep, and closing the lid does nothing during a sitting.
systemctl mask sleep.target suspend.target hibernate.target hybrid-sleep.target
mkdir -p /etc/systemd/logind.conf.d
cat >/etc/systemd/logind.conf.d/lbt-kiosk.conf <<'CONF'
[Login]
HandleLidSwitch=ignore
HandleLidSwitchExternalPower=ignore
HandleSuspendKey=ignore
HandleHibernateKey=ignore
IdleAction=ignore
CONF

systemctl disable getty@tty1.service
systemctl daemon-reload
systemctl enable lbt-kiosk.service
systemctl set-default graphical.target
echo "Done. Reboot: LBT Kiosk starts full-screen on tty1 as $ACCOUNT."
