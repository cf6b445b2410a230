#!/usr/bin/env python3
"""Apache Jena's `riot` from Debian's libapache-jena-java (4.5), with its class path fixed.

Debian ships no `riot` launcher, and its jena-core jar moved Xerces' classes to `xerces.*`
while leaving their message bundles under `org/apache/jena/ext/xerces/`: the first XSD datatype
Jena builds then dies with "internal error" (a pattern facet cannot load its messages). This
copies the bundles to where the classes look for them and runs `riotcmd.riot` on a class path
of the jars in /usr/share/java, with one SLF4J binding.

Usage: riot.py ARGS...   (as `riot`: --validate FILE, --count FILE, --syntax=jsonld10 ...)
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import zipfile

JARS = "/usr/share/java"


def main():
    core = sorted(glob.glob(os.path.join(JARS, "jena-core-*.jar")))
    if not core:
        sys.exit("riot.py: no jena-core jar in %s (apt-get install libapache-jena-java)" % JARS)
    with tempfile.TemporaryDirectory() as res:
        with zipfile.ZipFile(core[-1]) as z:
            prefix = "org/apache/jena/ext/xerces/"
            for name in z.namelist():
                if name.startswith(prefix) and name.endswith(".properties"):
                    target = os.path.join(res, "xerces", name[len(prefix):])
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "wb") as f:
                        f.write(z.read(name))
        # Every jar but the other SLF4J bindings and bridges (slf4j-simple reports errors).
        skip = re.compile(r"slf4j-(nop|jdk14|log4j12|reload4j|jcl)|maven3-slf4j|log4j-slf4j|jcl-over-slf4j")
        jars = [j for j in sorted(glob.glob(os.path.join(JARS, "*.jar"))) if not skip.search(j)]
        cp = os.pathsep.join([res] + jars)
        r = subprocess.run(["java", "-cp", cp, "riotcmd.riot"] + sys.argv[1:])
    sys.exit(r.returncode)


if __name__ == "__main__":
    main()
