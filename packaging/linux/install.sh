#!/bin/sh
# Install the pmdesk bundle for this user, with its menu entry, icons and AppStream data.
#
#   linux/install.sh                  from an unpacked pmdesk-*-linux-*.tar.gz
#   packaging/linux/install.sh        from the source tree, after: python3 tasks.py package
#   PREFIX=/opt/x install.sh          somewhere else than ~/.local
#   install.sh --uninstall            remove what it installed
#
# Nothing is installed outside PREFIX; the bundle carries its own Python and Qt.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
app_dir=$prefix/lib/pmdesk
desktop=$prefix/share/applications/org.pmdesk.pmdesk.desktop
metainfo=$prefix/share/metainfo/org.pmdesk.pmdesk.metainfo.xml
sizes="16 24 32 48 64 128 256 512"

refresh_caches() {
    # Menus pick up new entries sooner with these; neither is required.
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 &&
        gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir" "$desktop" "$metainfo"
    [ -L "$prefix/bin/pmdesk" ] && rm -f "$prefix/bin/pmdesk"
    for size in $sizes; do rm -f "$prefix/share/icons/hicolor/${size}x${size}/apps/pmdesk.png"; done
    rm -f "$prefix/share/icons/hicolor/scalable/apps/pmdesk.svg"
    refresh_caches
    echo "removed pmdesk from $prefix (your postmortems and settings are kept)"
    exit 0
fi

# The bundle is the folder above linux/ in a release, or dist/pmdesk in the source tree.
if [ -x "$here/../pmdesk" ] && [ -d "$here/../_internal" ]; then
    bundle=$(cd "$here/.." && pwd)
else
    bundle=$(cd "$here/../.." && pwd)/dist/pmdesk
fi
if [ ! -x "$bundle/pmdesk" ]; then
    echo "install.sh: no pmdesk bundle at $bundle (build it with: python3 tasks.py package)" >&2
    exit 2
fi
icons=$bundle/_internal/pmdesk/resources/icons

# Copy first, then swap, so a failed copy leaves the installed version as it was.
mkdir -p "$prefix/lib"
rm -rf "$app_dir.new"
cp -R "$bundle" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"

mkdir -p "$prefix/bin"
ln -sf "$app_dir/pmdesk" "$prefix/bin/pmdesk"
for size in $sizes; do
    mkdir -p "$prefix/share/icons/hicolor/${size}x${size}/apps"
    cp "$icons/pmdesk-$size.png" "$prefix/share/icons/hicolor/${size}x${size}/apps/pmdesk.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$icons/pmdesk.svg" "$prefix/share/icons/hicolor/scalable/apps/pmdesk.svg"
# A menu entry must not depend on PATH holding ~/.local/bin: point it at the program itself.
mkdir -p "$(dirname "$desktop")" "$(dirname "$metainfo")"
sed "s|^Exec=pmdesk|Exec=\"$app_dir/pmdesk\"|" "$here/org.pmdesk.pmdesk.desktop" >"$desktop"
cp "$here/org.pmdesk.pmdesk.metainfo.xml" "$metainfo"
refresh_caches
echo "installed pmdesk in $app_dir"
echo "start it from the applications menu, or run: $prefix/bin/pmdesk"
