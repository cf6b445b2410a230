#!/usr/bin/env python3
"""Regenerates data/gazetteer.tsv from the PyPI package `vietnamadminunits` (MIT).

The package ships an SQLite database with Vietnam's administrative units in both periods:
before the 2025 reorganisation (63 provinces, ~700 districts, ~10,000 communes) and after it
(34 provinces, ~3,300 communes), plus a mapping from old units to new ones. This script
downloads the pinned wheel with pip, reads that database with the standard library only, and
writes one sorted, NFC, tab-separated row per unit:

    id  period  level  name  parent  became

id      `legacy-<code>` or `2025-<code>` (official codes; unique per period)
level   the unit's level word, lower-case, from the name prefix (`tỉnh`, `thành phố`, `huyện`,
        `quận`, `thị xã`, `xã`, `phường`, `thị trấn`, `đặc khu`)
name    the name without its level word, tone marks in the new style (`Hòa`, `Thủy`)
parent  id of the unit one level up, empty for provinces
became  for legacy units: the 2025 unit(s) it became, comma-separated

usage: python3 scripts/gazetteer.py [--wheel PATH] [--out data/gazetteer.tsv]
"""
import argparse, json, os, re, sqlite3, subprocess, sys, tempfile, unicodedata, zipfile

PACKAGE = "vietnamadminunits==1.0.4"

OLD_TONES = {'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
             'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
             'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy'}

LEVELS = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'tỉnh', 'huyện', 'quận', 'xã', 'phường']


def canon(s):
    s = unicodedata.normalize('NFC', s.strip())
    for old, new in OLD_TONES.items():
        for o, n in ((old, new), (old.capitalize(), new.capitalize()), (old.upper(), new.upper())):
            s = re.sub(r'(?<![qQ])' + o + r'(?![a-zà-ỹđ])', n, s)
    # The old spelling `quí` of the syllable `quý` (`Phú Quí`): the press writes `Phú Quý`.
    s = re.sub(r'([qQ])u([íìỉĩị])(?![a-zà-ỹđ])',
               lambda m: m.group(1) + 'u' + {'í': 'ý', 'ì': 'ỳ', 'ỉ': 'ỷ', 'ĩ': 'ỹ', 'ị': 'ỵ'}[m.group(2)], s)
    return s


def split_level(full):
    """'Thị xã Hồng Lĩnh' -> ('thị xã', 'Hồng Lĩnh'): the level comes from the name's prefix."""
    full = canon(full)
    low = full.lower()
    for lv in LEVELS:
        if low.startswith(lv + ' '):
            return lv, full[len(lv) + 1:].strip()
    raise ValueError('no level word in %r' % full)


def wheel_path(arg):
    if arg:
        return arg
    d = tempfile.mkdtemp(prefix='gazetteer-')
    subprocess.run([sys.executable, '-m', 'pip', 'download', '--no-deps', '-q', '-d', d, PACKAGE], check=True)
    return os.path.join(d, [f for f in os.listdir(d) if f.endswith('.whl')][0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--wheel')
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', 'data', 'gazetteer.tsv'))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='gazetteer-db-')
    with zipfile.ZipFile(wheel_path(a.wheel)) as z:
        z.extract('vietnamadminunits/data/dataset.db', tmp)
        conv = json.loads(z.read('vietnamadminunits/data/converter_2025.json'))
    db = sqlite3.connect(os.path.join(tmp, 'vietnamadminunits/data/dataset.db'))
    rows = {}

    def add(uid, period, full, parent):
        level, name = split_level(full)
        rows.setdefault(uid, [uid, period, level, name, parent, set()])
        return uid

    # After 2025: provinces and communes.
    new_prov, new_ward = {}, {}
    for prov, pkey, pcode, ward, wkey, wcode in db.execute(
            'select province, provinceKey, provinceCode, ward, wardKey, wardCode from admin_units'):
        p = add('2025-' + pcode, '2025', prov, '')
        new_prov[pkey] = p
        new_ward[(pkey, wkey)] = add('2025-' + wcode, '2025', ward, p)
    # Before 2025: provinces, districts, communes.
    old_prov, old_ward = {}, {}
    for (prov, pkey, pcode, dist, dkey, dcode, ward, wkey, wcode) in db.execute(
            'select province, provinceKey, provinceCode, district, districtKey, districtCode, '
            'ward, wardKey, wardCode from admin_units_legacy'):
        p = add('legacy-' + pcode, 'legacy', prov, '')
        old_prov[pkey] = p
        d = add('legacy-' + dcode, 'legacy', dist, p)
        if ward and wcode:
            old_ward['%s_%s_%s' % (pkey, dkey, wkey)] = add('legacy-' + wcode, 'legacy', ward, d)
    # Which old unit became which new one.
    for npkey, olds in conv['DICT_PROVINCE'].items():
        for opkey in olds:
            if opkey in old_prov and npkey in new_prov:
                rows[old_prov[opkey]][5].add(new_prov[npkey])
    for npkey, wards in conv['DICT_PROVINCE_WARD_NO_DIVIDED'].items():
        for nwkey, olds in wards.items():
            for ok in olds:
                if ok in old_ward and (npkey, nwkey) in new_ward:
                    rows[old_ward[ok]][5].add(new_ward[(npkey, nwkey)])
    for npkey, wards in conv['DICT_PROVINCE_WARD_DIVIDED'].items():
        for ok, news in wards.items():
            for n in news:
                if ok in old_ward and (npkey, n['newWardKey']) in new_ward:
                    rows[old_ward[ok]][5].add(new_ward[(npkey, n['newWardKey'])])
    with open(a.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Vietnam administrative units, generated by scripts/gazetteer.py from %s (MIT)\n' % PACKAGE)
        f.write('id\tperiod\tlevel\tname\tparent\tbecame\n')
        for uid in sorted(rows):
            r = rows[uid]
            f.write('\t'.join(r[:5] + [','.join(sorted(r[5]))]) + '\n')
    print('wrote %d units to %s' % (len(rows), a.out))


if __name__ == '__main__':
    main()
